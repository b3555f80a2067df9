using Keel.Domain.Work;

namespace Keel.Domain.Tests.Work;

public sealed class RequestWorkflowTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static WorkItem NewRequest()
    {
        var item = new WorkItem { Kind = WorkKind.Request, Title = "New laptop", ServiceId = Guid.NewGuid(), RequesterId = Guid.NewGuid() };
        item.Open(item.RequesterId, Now);
        return item;
    }

    private static TransitionContext By(Mover mover) => new(null, mover, Now, WorkSettings.DefaultReopenWindow);

    [Fact]
    public void Open_Request_Submitted() => NewRequest().State.ShouldBe(WorkState.Submitted);

    [Fact]
    public void Transition_AgentApproves_IllegalOnlyKeelDecides()
    {
        var item = NewRequest();
        item.Transition(new(WorkState.AwaitingApproval), By(Mover.System)).ShouldBeNull();
        item.Transition(new(WorkState.Approved), By(Mover.Agent)).ShouldNotBeNull().Allowed.ShouldBe(["Cancelled"]);
        item.Transition(new(WorkState.Approved), By(Mover.System)).ShouldBeNull();
    }

    [Fact]
    public void Transition_RejectWithoutReason_FieldError()
    {
        var item = NewRequest();
        item.Transition(new(WorkState.AwaitingApproval), By(Mover.System)).ShouldBeNull();
        item.Transition(new(WorkState.Rejected), By(Mover.System)).ShouldNotBeNull().Fields!.Keys.ShouldBe(["reason"]);
        item.Transition(new(WorkState.Rejected, Reason: "Not in this year's budget"), By(Mover.System)).ShouldBeNull();
        item.ClosedAt.ShouldBe(Now);
    }

    [Fact]
    public void Transition_RequesterCancelsInFulfilment_Illegal()
    {
        var item = NewRequest();
        item.Transition(new(WorkState.InFulfilment), By(Mover.System)).ShouldBeNull();
        item.Transition(new(WorkState.Cancelled), By(Mover.Requester)).ShouldNotBeNull().Code.ShouldBe("illegal_transition");
    }

    [Fact]
    public void Transition_Fulfilled_ResolvedAtSetAndNotOpen()
    {
        var item = NewRequest();
        item.Transition(new(WorkState.InFulfilment), By(Mover.System)).ShouldBeNull();
        item.Transition(new(WorkState.Fulfilled), By(Mover.Agent)).ShouldBeNull();
        item.ResolvedAt.ShouldBe(Now);
        item.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Transition_TaskOpenedByKeelOnly()
    {
        var task = new WorkItem { Kind = WorkKind.Task, Title = "Image the laptop", ServiceId = Guid.NewGuid() };
        task.Open(null, Now);
        task.State.ShouldBe(WorkState.Pending);
        task.Transition(new(WorkState.Open), By(Mover.Agent)).ShouldNotBeNull();
        task.Transition(new(WorkState.Open), By(Mover.System)).ShouldBeNull();
        task.Transition(new(WorkState.Done), By(Mover.Agent)).ShouldBeNull();
        task.IsOpen.ShouldBeFalse();
    }
}
