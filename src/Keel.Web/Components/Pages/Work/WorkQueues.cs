using Keel.Application.Work;
using Keel.Domain.Work;

namespace Keel.Web.Components.Pages.Work;

/// <summary>The filter behind each queue, built from the same list use case with the filters of API.md.</summary>
public static class WorkQueues
{
    public static IReadOnlyList<WorkState> OpenStates(WorkKind kind) =>
        Workflows.For(kind).States.Where(s => Workflows.IsOpen(kind, s)).ToList();

    /// <summary>The state in which work of a kind waits on someone outside the desk.</summary>
    public static WorkState WaitingState(WorkKind kind) => kind switch
    {
        WorkKind.Request => WorkState.AwaitingApproval,
        WorkKind.Task => WorkState.Pending,
        _ => WorkState.OnHold,
    };

    public static string Label(WorkQueue queue, WorkKind kind) => queue switch
    {
        WorkQueue.Mine => "Mine",
        WorkQueue.MyTeams => "My teams'",
        WorkQueue.Unassigned => "Unassigned",
        _ => WorkText.State(WaitingState(kind)),
    };

    /// <summary>The states a queue shows (the state filter offers these).</summary>
    public static IReadOnlyList<WorkState> States(WorkQueue queue, WorkKind kind) =>
        queue == WorkQueue.Waiting ? [WaitingState(kind)] : OpenStates(kind);

    /// <summary>The list filter of a queue narrowed by the person's filters; null when the queue is empty by definition (no teams).</summary>
    public static WorkFilter? Filter(WorkQueue queue, WorkKind kind, Guid me, IReadOnlyList<Guid> myTeams, WorkState? state, int? priority, Guid? service)
    {
        if (queue == WorkQueue.MyTeams && myTeams.Count == 0)
        {
            return null;
        }
        var states = States(queue, kind);
        IReadOnlyList<WorkState> shown = state is { } chosen ? (states.Contains(chosen) ? [chosen] : []) : states;
        if (shown.Count == 0)
        {
            return null;
        }
        return new WorkFilter(
            State: shown,
            Priority: priority is { } p ? [p] : null,
            Service: service is { } s ? [s] : null,
            Team: queue == WorkQueue.MyTeams ? myTeams : null,
            Assignee: queue == WorkQueue.Mine ? [me] : null,
            Unassigned: queue == WorkQueue.Unassigned ? true : null);
    }
}
