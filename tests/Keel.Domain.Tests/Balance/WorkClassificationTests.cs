using Keel.Domain.Balance;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.Balance;

public sealed class WorkClassificationTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(WorkKind.Incident, false, InvestmentCategory.Run)]
    [InlineData(WorkKind.Request, false, InvestmentCategory.Run)]
    [InlineData(WorkKind.Incident, true, InvestmentCategory.Run)] // an incident is never remediation, even when linked to debt
    [InlineData(WorkKind.Problem, false, InvestmentCategory.Run)]
    [InlineData(WorkKind.Problem, true, InvestmentCategory.Debt)]
    [InlineData(WorkKind.Change, true, InvestmentCategory.Debt)]
    public void DefaultCategory_NoInitiative_RunUnlessAProblemOrChangePaysDownDebt(WorkKind kind, bool remediatesDebt, InvestmentCategory expected)
    {
        WorkClassification.DefaultCategory(kind, null, remediatesDebt, null).ShouldBe(expected);
    }

    [Fact]
    public void DefaultCategory_InInitiative_TheInitiativesCategoryWinsOverDebt()
    {
        WorkClassification.DefaultCategory(WorkKind.Change, InvestmentCategory.Transform, remediatesDebt: true, null).ShouldBe(InvestmentCategory.Transform);
    }

    [Fact]
    public void DefaultCategory_Task_FollowsItsRequest()
    {
        WorkClassification.DefaultCategory(WorkKind.Task, null, false, InvestmentCategory.Grow).ShouldBe(InvestmentCategory.Grow);
        WorkClassification.DefaultCategory(WorkKind.Incident, null, false, InvestmentCategory.Grow).ShouldBe(InvestmentCategory.Run);
    }

    [Theory]
    [InlineData(WorkKind.Incident, WorkState.New, false, ValueChainActivity.Engage)]
    [InlineData(WorkKind.Incident, WorkState.InProgress, false, ValueChainActivity.DeliverAndSupport)]
    [InlineData(WorkKind.Request, WorkState.AwaitingApproval, false, ValueChainActivity.Engage)]
    [InlineData(WorkKind.Request, WorkState.InFulfilment, false, ValueChainActivity.DeliverAndSupport)]
    [InlineData(WorkKind.Task, WorkState.Open, false, ValueChainActivity.DeliverAndSupport)]
    [InlineData(WorkKind.Task, WorkState.Open, true, ValueChainActivity.ObtainBuild)]
    [InlineData(WorkKind.Problem, WorkState.RootCauseAnalysis, false, ValueChainActivity.Improve)]
    [InlineData(WorkKind.Change, WorkState.Implement, false, ValueChainActivity.DesignAndTransition)]
    public void DefaultActivity_ByKindAndState(WorkKind kind, WorkState state, bool inInitiative, ValueChainActivity expected)
    {
        WorkClassification.DefaultActivity(kind, state, inInitiative).ShouldBe(expected);
    }

    [Fact]
    public void Transition_NewIncidentTakenUp_ActivityMovesFromEngageToDeliverWithAnInternalLine()
    {
        var item = new WorkItem { Kind = WorkKind.Incident, ServiceId = Guid.NewGuid(), RequesterId = Guid.NewGuid() };
        item.Open(item.RequesterId, Now);
        item.Classify(null, null, null, Now);
        item.ValueChainActivity.ShouldBe(ValueChainActivity.Engage);

        item.Transition(new(WorkState.InProgress), new(Guid.NewGuid(), Mover.Agent, Now.AddHours(1), WorkSettings.DefaultReopenWindow)).ShouldBeNull();

        item.ValueChainActivity.ShouldBe(ValueChainActivity.DeliverAndSupport);
        var line = item.Events.Last();
        (line.Field, line.From, line.To, line.Internal).ShouldBe(("valueChainActivity", "Engage", "DeliverAndSupport", true));
    }

    [Fact]
    public void Classify_CategoryChosenByHand_KeptWhileTheActivityStillFollowsTheState()
    {
        var item = new WorkItem { Kind = WorkKind.Change, State = WorkState.Draft, InvestmentCategory = InvestmentCategory.Grow, InvestmentCategoryByHand = true };

        item.Classify(InvestmentCategory.Transform, null, null, Now);

        item.InvestmentCategory.ShouldBe(InvestmentCategory.Grow);
        item.ValueChainActivity.ShouldBe(ValueChainActivity.DesignAndTransition);
    }

    [Fact]
    public void Transition_ActivityChosenByHand_NotMovedByTheState()
    {
        var item = new WorkItem { Kind = WorkKind.Incident, ValueChainActivity = ValueChainActivity.Improve, ValueChainActivityByHand = true };
        item.Open(null, Now);

        item.Transition(new(WorkState.InProgress), new(Guid.NewGuid(), Mover.Agent, Now.AddHours(1), WorkSettings.DefaultReopenWindow)).ShouldBeNull();

        item.ValueChainActivity.ShouldBe(ValueChainActivity.Improve);
    }
}
