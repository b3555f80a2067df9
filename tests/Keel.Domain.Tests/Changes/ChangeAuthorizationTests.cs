using Keel.Domain.Changes;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.Changes;

public sealed class ChangeAuthorizationTests
{
    [Theory]
    [InlineData(ChangeType.Normal, RiskLevel.Low, ChangeAuthority.ChangeManager)]
    [InlineData(ChangeType.Normal, RiskLevel.Medium, ChangeAuthority.ChangeManager)]
    [InlineData(ChangeType.Normal, RiskLevel.High, ChangeAuthority.Cab)]
    [InlineData(ChangeType.Emergency, RiskLevel.Low, ChangeAuthority.EmergencyCab)]
    public void AuthorityFor_TypeAndRisk_TheRightAuthority(ChangeType type, RiskLevel risk, ChangeAuthority expected) =>
        ChangeAuthorization.AuthorityFor(type, risk).ShouldBe(expected);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 3)]
    public void QuorumFor_CabByDefault_MajorityOfTheMembersAsked(int members, int quorum) =>
        ChangeAuthorization.QuorumFor(ChangeAuthority.Cab, members).ShouldBe(quorum);

    [Fact]
    public void QuorumFor_ConfiguredAboveTheMembersAsked_NoQuorumPossible()
    {
        ChangeAuthorization.QuorumFor(ChangeAuthority.Cab, 2, cabQuorum: 3).ShouldBeNull();
        ChangeAuthorization.QuorumFor(ChangeAuthority.EmergencyCab, 1).ShouldBeNull();
        ChangeAuthorization.QuorumFor(ChangeAuthority.ChangeManager, 0).ShouldBeNull();
        ChangeAuthorization.QuorumFor(ChangeAuthority.EmergencyCab, 4).ShouldBe(2);
    }

    [Fact]
    public void Decide_Cab_AuthorizedOnlyWhenApprovalsReachTheQuorum()
    {
        ChangeAuthorization.Decide(ChangeAuthority.Cab, 3, approved: 2, rejected: 0, pending: 3).ShouldBe(AuthorizationOutcome.Pending);
        ChangeAuthorization.Decide(ChangeAuthority.Cab, 3, approved: 3, rejected: 1, pending: 1).ShouldBe(AuthorizationOutcome.Authorized);
    }

    [Fact]
    public void Decide_Cab_RejectedOnceTheQuorumCannotBeReached()
    {
        // 5 members, quorum 3: two rejections leave 3 who may still approve; the third makes 3 unreachable.
        ChangeAuthorization.Decide(ChangeAuthority.Cab, 3, approved: 0, rejected: 2, pending: 3).ShouldBe(AuthorizationOutcome.Pending);
        ChangeAuthorization.Decide(ChangeAuthority.Cab, 3, approved: 1, rejected: 3, pending: 1).ShouldBe(AuthorizationOutcome.Rejected);
    }

    [Fact]
    public void Decide_ChangeManagers_FirstDecisionSettles()
    {
        ChangeAuthorization.Decide(ChangeAuthority.ChangeManager, 1, approved: 1, rejected: 0, pending: 2).ShouldBe(AuthorizationOutcome.Authorized);
        ChangeAuthorization.Decide(ChangeAuthority.ChangeManager, 1, approved: 0, rejected: 1, pending: 2).ShouldBe(AuthorizationOutcome.Rejected);
        ChangeAuthorization.Decide(ChangeAuthority.ChangeManager, 1, approved: 0, rejected: 0, pending: 3).ShouldBe(AuthorizationOutcome.Pending);
    }

    [Fact]
    public void Decide_EmergencyCab_TwoApprovalsAuthorize()
    {
        ChangeAuthorization.Decide(ChangeAuthority.EmergencyCab, 2, approved: 1, rejected: 1, pending: 2).ShouldBe(AuthorizationOutcome.Pending);
        ChangeAuthorization.Decide(ChangeAuthority.EmergencyCab, 2, approved: 2, rejected: 1, pending: 1).ShouldBe(AuthorizationOutcome.Authorized);
    }
}

public sealed class ChangeFlowTests
{
    private static ChangeRecord Change(ChangeType type) => new()
    {
        Type = type, PlannedStart = new DateTime(2026, 3, 2, 20, 0, 0, DateTimeKind.Utc), PlannedEnd = new DateTime(2026, 3, 2, 22, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void Allowed_Standard_SkipsAssessAndAuthorize()
    {
        ChangeFlow.Allowed(ChangeType.Standard, WorkState.Draft, Mover.Agent).ShouldBe([WorkState.Scheduled, WorkState.Cancelled]);
        ChangeFlow.Allowed(ChangeType.Normal, WorkState.Draft, Mover.Agent).ShouldBe([WorkState.Assess, WorkState.Cancelled]);
    }

    [Fact]
    public void Check_NormalStraightToScheduled_IllegalWithTheAllowedStates()
    {
        var error = ChangeFlow.Check(Change(ChangeType.Normal), WorkState.Draft, WorkState.Scheduled, Mover.Agent)!;

        error.Code.ShouldBe("illegal_transition");
        error.Allowed.ShouldBe(["Assess", "Cancelled"]);
    }

    [Fact]
    public void Check_AuthorizeWithoutAPlannedWindow_FieldErrors()
    {
        var change = Change(ChangeType.Normal);
        change.PlannedStart = change.PlannedEnd = null;

        ChangeFlow.Check(change, WorkState.Assess, WorkState.Authorize, Mover.Agent)!.Fields!.Keys.Order().ShouldBe(["plannedEnd", "plannedStart"]);
        ChangeFlow.Check(Change(ChangeType.Normal), WorkState.Assess, WorkState.Authorize, Mover.Agent).ShouldBeNull();
    }

    [Fact]
    public void Check_CloseReview_NeedsAnOutcomeAndANoteWhenItFailed()
    {
        var change = Change(ChangeType.Normal);
        ChangeFlow.Check(change, WorkState.Review, WorkState.Closed, Mover.Agent)!.Fields!.Keys.ShouldBe(["reviewOutcome"]);
        change.ReviewOutcome = ReviewOutcome.BackedOut;
        ChangeFlow.Check(change, WorkState.Review, WorkState.Closed, Mover.Agent)!.Fields!.Keys.ShouldBe(["reviewNote"]);
        change.ReviewNote = "The migration locked the table; rolled back.";
        ChangeFlow.Check(change, WorkState.Review, WorkState.Closed, Mover.Agent).ShouldBeNull();
    }

    [Fact]
    public void Apply_ImplementThenReview_SetsTheActualWindow()
    {
        var change = Change(ChangeType.Normal);
        var start = new DateTime(2026, 3, 2, 20, 5, 0, DateTimeKind.Utc);

        ChangeFlow.Apply(change, WorkState.Implement, start);
        ChangeFlow.Apply(change, WorkState.Review, start.AddHours(1));

        (change.ActualStart, change.ActualEnd).ShouldBe((start, start.AddHours(1)));
    }
}
