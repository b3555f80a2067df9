using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.Work;

public sealed class IncidentWorkflowTests
{
    private static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Agent = Guid.NewGuid();

    private static WorkItem NewIncident()
    {
        var item = new WorkItem { Kind = WorkKind.Incident, Title = "VPN drops every hour", ServiceId = Guid.NewGuid(), RequesterId = Guid.NewGuid() };
        item.Open(item.RequesterId, Start);
        return item;
    }

    private static TransitionContext By(Mover mover, DateTime? at = null) =>
        new(mover == Mover.Requester ? null : Agent, mover, at ?? Start.AddHours(1), WorkSettings.DefaultReopenWindow);

    private static readonly TransitionRequest Resolve = new(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Replaced the VPN profile.");

    [Fact]
    public void Open_NewIncident_StartsNewWithCreatedLine()
    {
        var item = NewIncident();
        item.State.ShouldBe(WorkState.New);
        item.Events.ShouldHaveSingleItem().Type.ShouldBe(WorkEventType.Created);
    }

    [Fact]
    public void Transition_AgentTakesIt_InProgressWithFirstResponseAndHistory()
    {
        var item = NewIncident();
        item.Transition(new(WorkState.InProgress), By(Mover.Agent)).ShouldBeNull();
        item.State.ShouldBe(WorkState.InProgress);
        item.FirstRespondedAt.ShouldBe(Start.AddHours(1));
        var line = item.Events.Last();
        (line.Type, line.From, line.To, line.ActorId).ShouldBe((WorkEventType.StateChanged, "New", "InProgress", (Guid?)Agent));
    }

    [Fact]
    public void Transition_ClosedToInProgress_IllegalNamingAllowedAndUnchanged()
    {
        var item = NewIncident();
        item.Transition(new(WorkState.Closed), By(Mover.Agent)).ShouldNotBeNull().ShouldSatisfyAllConditions(
            e => e.Code.ShouldBe("illegal_transition"),
            e => e.Allowed!.ShouldBe(["InProgress", "OnHold", "Resolved", "Cancelled"]));
        item.State.ShouldBe(WorkState.New);
        item.Events.Count.ShouldBe(1);
    }

    [Fact]
    public void Transition_OnHoldWithoutReason_FieldErrorAndUnchanged()
    {
        var item = NewIncident();
        var error = item.Transition(new(WorkState.OnHold), By(Mover.Agent)).ShouldNotBeNull();
        error.Code.ShouldBe("validation_failed");
        error.Fields!.Keys.ShouldBe(["holdReason"]);
        item.State.ShouldBe(WorkState.New);
    }

    [Fact]
    public void Transition_OnHoldThenBack_HoldReasonKeptOnlyWhileOnHold()
    {
        var item = NewIncident();
        item.Transition(new(WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller), By(Mover.Agent)).ShouldBeNull();
        item.HoldReason.ShouldBe(HoldReason.AwaitingCaller);
        item.Events.Last().Detail.ShouldBe("AwaitingCaller");
        item.Transition(new(WorkState.InProgress), By(Mover.Agent)).ShouldBeNull();
        item.HoldReason.ShouldBeNull();
    }

    [Fact]
    public void Transition_ResolveWithoutCodeAndNote_BothFieldsNamed()
    {
        var item = NewIncident();
        var error = item.Transition(new(WorkState.Resolved), By(Mover.Agent)).ShouldNotBeNull();
        error.Fields!.Keys.Order().ShouldBe(["resolutionCode", "resolutionNote"]);
    }

    [Fact]
    public void Transition_RequesterReopensWithinWindow_InProgressAndCounted()
    {
        var item = NewIncident();
        item.Transition(Resolve, By(Mover.Agent)).ShouldBeNull();
        item.ResolvedAt.ShouldBe(Start.AddHours(1));
        item.Transition(new(WorkState.InProgress), By(Mover.Requester, Start.AddDays(7))).ShouldBeNull();
        item.State.ShouldBe(WorkState.InProgress);
        item.ReopenCount.ShouldBe(1);
        item.ResolvedAt.ShouldBeNull();
        item.ResolutionCode.ShouldBeNull();
    }

    [Fact]
    public void Transition_RequesterReopensAfterWindow_RefusedAndStillResolved()
    {
        var item = NewIncident();
        item.Transition(Resolve, By(Mover.Agent)).ShouldBeNull();
        var error = item.Transition(new(WorkState.InProgress), By(Mover.Requester, Start.AddHours(1).AddDays(7).AddMinutes(1))).ShouldNotBeNull();
        error.Code.ShouldBe("reopen_window_passed");
        item.State.ShouldBe(WorkState.Resolved);
        item.ReopenCount.ShouldBe(0);
    }

    [Fact]
    public void Transition_AgentReopensAfterWindow_Allowed()
    {
        var item = NewIncident();
        item.Transition(Resolve, By(Mover.Agent)).ShouldBeNull();
        item.Transition(new(WorkState.InProgress), By(Mover.Agent, Start.AddDays(30))).ShouldBeNull();
    }

    [Fact]
    public void Transition_RequesterResolves_Illegal()
    {
        var item = NewIncident();
        item.Transition(Resolve, By(Mover.Requester)).ShouldNotBeNull().Allowed.ShouldBe(["Cancelled"]);
    }

    [Fact]
    public void Transition_RequesterClosesResolved_IllegalOnlyReopenAllowed()
    {
        var item = NewIncident();
        item.Transition(Resolve, By(Mover.Agent)).ShouldBeNull();
        item.Transition(new(WorkState.Closed), By(Mover.Requester)).ShouldNotBeNull().Allowed.ShouldBe(["InProgress"]);
    }

    [Fact]
    public void Transition_StateOfAnotherKind_ValidationError()
    {
        var item = NewIncident();
        item.Transition(new(WorkState.Fulfilled), By(Mover.Agent)).ShouldNotBeNull().Fields!.Keys.ShouldBe(["to"]);
    }

    [Fact]
    public void Transition_Cancel_ClosedAtSetAndNoLongerOpen()
    {
        var item = NewIncident();
        item.Transition(new(WorkState.Cancelled, Reason: "Raised twice by mistake"), By(Mover.Requester)).ShouldBeNull();
        item.ClosedAt.ShouldNotBeNull();
        item.IsOpen.ShouldBeFalse();
        item.Events.Last().Detail.ShouldBe("Raised twice by mistake");
    }

    [Fact]
    public void Workflow_Incident_FinalStatesHaveNoWayOut()
    {
        Workflows.Incident.IsFinal(WorkState.Closed).ShouldBeTrue();
        Workflows.Incident.IsFinal(WorkState.Cancelled).ShouldBeTrue();
        Workflows.Incident.IsFinal(WorkState.Resolved).ShouldBeFalse();
        Workflows.IsOpen(WorkKind.Incident, WorkState.Resolved).ShouldBeFalse();
        Workflows.IsOpen(WorkKind.Incident, WorkState.OnHold).ShouldBeTrue();
    }

    [Fact]
    public void Workflow_EveryKind_EveryStateReachableFromInitial()
    {
        foreach (var kind in Enum.GetValues<WorkKind>())
        {
            var workflow = Workflows.For(kind);
            var reached = new HashSet<WorkState> { workflow.Initial };
            var frontier = new Queue<WorkState>([workflow.Initial]);
            while (frontier.TryDequeue(out var state))
            {
                foreach (var next in workflow.AllowedFrom(state, Mover.System).Where(reached.Add))
                {
                    frontier.Enqueue(next);
                }
            }
            reached.ShouldBe(workflow.States, ignoreOrder: true, customMessage: kind.ToString());
        }
    }
}
