using Keel.Domain.Problems;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.Problems;

public sealed class ProblemRulesTests
{
    [Fact]
    public void CheckMove_KnownErrorWithoutWorkaround_RefusedNamingTheField()
    {
        var error = new ProblemRecord { RootCause = "Certificate expired." }.CheckMove(WorkState.KnownError);

        error.ShouldNotBeNull();
        error.Code.ShouldBe("validation_failed");
        error.Fields!.Keys.ShouldBe(["workaround"]);
    }

    [Fact]
    public void CheckMove_ResolvedWithoutRootCause_RefusedNamingTheField()
    {
        var error = new ProblemRecord { Workaround = "Restart the agent." }.CheckMove(WorkState.Resolved);

        error!.Fields!.Keys.ShouldBe(["rootCause"]);
    }

    [Fact]
    public void CheckMove_WithWhatEachStateNeeds_Allowed()
    {
        var record = new ProblemRecord { RootCause = "Certificate expired.", Workaround = "Restart the agent." };

        record.CheckMove(WorkState.KnownError).ShouldBeNull();
        record.CheckMove(WorkState.Resolved).ShouldBeNull();
        new ProblemRecord().CheckMove(WorkState.Assessed).ShouldBeNull();
    }

    [Fact]
    public void Moved_KnownErrorTwice_KeepsTheFirstTime()
    {
        var record = new ProblemRecord { Workaround = "Restart." };
        var first = new DateTime(2026, 5, 1, 8, 0, 0, DateTimeKind.Utc);

        record.Moved(WorkState.KnownError, first);
        record.Moved(WorkState.KnownError, first.AddDays(3));

        record.KnownErrorAt.ShouldBe(first);
    }

    [Fact]
    public void Workflow_ProblemSkipsRootCauseAnalysis_IllegalWithAllowedStates()
    {
        var error = Workflows.Problem.Check(WorkState.New, WorkState.KnownError, Mover.Agent);

        error!.Code.ShouldBe("illegal_transition");
        error.Allowed.ShouldBe(["Assessed", "Cancelled"]);
    }

    [Fact]
    public void KnownErrorContent_ProblemWithWorkaround_CarriesTitleWorkaroundAndService()
    {
        var problem = new WorkItem { Kind = WorkKind.Problem, Number = "PRB0000007", Title = "Mail sync stalls", ServiceId = Guid.NewGuid() };

        var content = KnownErrorContent.Of(problem, new ProblemRecord { Workaround = "Remove and re-add the account." });

        content.ShouldBe(new KnownErrorContent("PRB0000007", "Mail sync stalls", "Remove and re-add the account.", null, problem.ServiceId));
        KnownErrorContent.Of(problem, new ProblemRecord()).ShouldBeNull();
    }
}
