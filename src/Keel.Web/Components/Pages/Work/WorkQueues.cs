using Keel.Application.Work;
using Microsoft.AspNetCore.WebUtilities;
using Keel.Domain.ServiceLevels;
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

    /// <summary>The queues of a kind of work, in tab order (the major-incident queue only for incidents).</summary>
    public static IReadOnlyList<WorkQueue> For(WorkKind kind) =>
        [.. Enum.GetValues<WorkQueue>().Where(q => q != WorkQueue.Major || kind == WorkKind.Incident)];

    public static string Label(WorkQueue queue, WorkKind kind) => queue switch
    {
        WorkQueue.Mine => "Mine",
        WorkQueue.MyTeams => "My teams'",
        WorkQueue.Unassigned => "Unassigned",
        WorkQueue.Major => "Major incidents",
        WorkQueue.BreachingSoon => "Breaching soon",
        _ => WorkText.State(WaitingState(kind)),
    };

    /// <summary>The states a queue shows (the state filter offers these).</summary>
    public static IReadOnlyList<WorkState> States(WorkQueue queue, WorkKind kind) =>
        queue == WorkQueue.Waiting ? [WaitingState(kind)] : OpenStates(kind);

    /// <summary>The list filter of a view's queue narrowed by its filters; null when the queue is empty by definition (no teams, no state left).</summary>
    public static WorkFilter? Filter(QueueView view, Guid me, IReadOnlyList<Guid> myTeams)
    {
        if ((view.Queue == WorkQueue.MyTeams && myTeams.Count == 0) || !For(view.Kind).Contains(view.Queue))
        {
            return null;
        }
        var states = States(view.Queue, view.Kind);
        IReadOnlyList<WorkState> shown = view.States.Count > 0 ? states.Where(view.States.Contains).ToList() : states;
        if (shown.Count == 0)
        {
            return null;
        }
        return new WorkFilter(
            State: shown,
            Priority: view.Priority,
            Service: view.Service,
            Team: view.Queue == WorkQueue.MyTeams ? myTeams : null,
            Assignee: view.Queue == WorkQueue.Mine ? [me] : null,
            Unassigned: view.Queue == WorkQueue.Unassigned ? true : null,
            Major: view.Queue == WorkQueue.Major ? true : null,
            Sla: view.Queue == WorkQueue.BreachingSoon ? [SlaStatus.Breached, SlaStatus.Soon] : null,
            Q: view.Q);
    }

    /// <summary>The address of a view on /work (and of the saved view it came from), so it can be bookmarked and the back button works.</summary>
    public static string Href(QueueView view, Guid? savedViewId = null)
    {
        var query = QueueViewDocument.ToQuery(view).Where(p => p.Value is not null).ToList();
        if (savedViewId is { } id)
        {
            query.Add(new("view", id.ToString()));
        }
        return QueryHelpers.AddQueryString("/work", query);
    }
}
