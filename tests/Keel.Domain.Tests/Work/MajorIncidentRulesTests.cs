using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.Work;

public sealed class MajorIncidentRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Requester = Guid.NewGuid();
    private static readonly Guid Agent = Guid.NewGuid();
    private static readonly Guid Stakeholder = Guid.NewGuid();

    private static WorkItem Incident(WorkState state = WorkState.InProgress, bool major = true) =>
        new() { Kind = WorkKind.Incident, Number = "INC0000001", Title = "x", RequesterId = Requester, State = state, IsMajor = major };

    [Fact]
    public void UpdateSent_StakeholdersAndRequesterTold_NotTheSender()
    {
        var line = new WorkEvent { Type = WorkEventType.UpdateSent, ActorId = Agent, At = Now };

        var told = WorkNotifications.For(Incident(), line, "Failing over", stakeholders: [Stakeholder, Agent]).ToList();

        told.Select(i => (i.RecipientId, i.Event, i.ForRequester, i.Detail)).ShouldBe(
            [(Requester, NotificationEvent.StakeholderUpdate, true, "Failing over"), (Stakeholder, NotificationEvent.StakeholderUpdate, true, "Failing over")],
            ignoreOrder: true);
    }

    [Fact]
    public void PublicReply_StakeholdersNotTold()
    {
        var line = new WorkEvent { Type = WorkEventType.Commented, ActorId = Agent, At = Now };

        WorkNotifications.For(Incident(), line, "Try again", stakeholders: [Stakeholder]).Select(i => i.RecipientId).ShouldBe([Requester]);
    }

    [Fact]
    public void Declaration_RequestOrClosedIncidentRefused_StandingDownAlwaysAllowed()
    {
        MajorIncident.CheckDeclaration(new WorkItem { Kind = WorkKind.Request, State = WorkState.Submitted }, true)!.Code.ShouldBe("validation_failed");
        MajorIncident.CheckDeclaration(Incident(WorkState.Closed, major: false), true)!.Kind.ShouldBe(ErrorKind.Conflict);
        MajorIncident.CheckDeclaration(Incident(WorkState.Closed), false).ShouldBeNull();
        MajorIncident.CheckMajor(Incident(major: false))!.Code.ShouldBe("not_major");
    }

    [Fact]
    public void ValidateUpdate_NextUpdateInThePastOrTooFar_Refused()
    {
        var errors = new FieldErrors();
        MajorIncident.ValidateUpdate("ok", Now.AddMinutes(-1), Now, errors);
        MajorIncident.ValidateUpdate("ok", Now.AddDays(8), Now, errors);
        MajorIncident.ValidateUpdate(" ", Now.AddMinutes(30), Now, errors);

        errors.ToError().Fields!.ToDictionary(f => f.Key, f => f.Value.Length).ShouldBe(new Dictionary<string, int> { ["nextUpdateAt"] = 2, ["message"] = 1 });
    }

    [Theory]
    [InlineData(WorkEventType.StateChanged, "state", "Resolved", false, TimelineMoment.Resolved)]
    [InlineData(WorkEventType.StateChanged, "state", "Cancelled", false, TimelineMoment.Closed)]
    [InlineData(WorkEventType.FieldChanged, "isMajor", "False", false, TimelineMoment.StoodDown)]
    [InlineData(WorkEventType.FieldChanged, "assignee", null, false, TimelineMoment.Assigned)]
    [InlineData(WorkEventType.Created, null, "New", true, TimelineMoment.ChildLinked)]
    public void MomentOf_KeyLines_NamedMoments(WorkEventType type, string? field, string? to, bool ofChild, TimelineMoment expected) =>
        IncidentTimeline.MomentOf(new WorkEvent { Type = type, Field = field, To = to }, ofChild).ShouldBe(expected);

    [Fact]
    public void MomentOf_DetailLines_NotKeyMoments()
    {
        IncidentTimeline.MomentOf(new WorkEvent { Type = WorkEventType.Commented, Internal = true }, false).ShouldBeNull();
        IncidentTimeline.MomentOf(new WorkEvent { Type = WorkEventType.FieldChanged, Field = "category" }, false).ShouldBeNull();
        IncidentTimeline.MomentOf(new WorkEvent { Type = WorkEventType.WorkLogged, Internal = true }, false).ShouldBeNull();
        IncidentTimeline.MomentOf(new WorkEvent { Type = WorkEventType.StateChanged, To = "InProgress" }, true).ShouldBeNull();
    }
}
