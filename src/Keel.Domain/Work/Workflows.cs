using static Keel.Domain.Work.Mover;
using static Keel.Domain.Work.WorkState;

namespace Keel.Domain.Work;

/// <summary>The workflow of each kind of work (API.md names the incident states and their rules).</summary>
public static class Workflows
{
    /// <summary>
    /// New → InProgress → OnHold ⇄ InProgress → Resolved → Closed. A requester may cancel their own open incident and
    /// reopen a resolved one (within the reopen window, checked by <see cref="WorkItem"/>); closing is done by the
    /// automatic close job or an agent.
    /// </summary>
    public static Workflow Incident { get; } = new(WorkKind.Incident, New,
    [
        new(New, InProgress, Agent), new(New, OnHold, Agent), new(New, Resolved, Agent), new(New, Cancelled, Agent, Requester),
        new(InProgress, OnHold, Agent), new(InProgress, Resolved, Agent), new(InProgress, Cancelled, Agent, Requester),
        new(OnHold, InProgress, Agent), new(OnHold, Resolved, Agent), new(OnHold, Cancelled, Agent, Requester),
        new(Resolved, InProgress, Agent, Requester), new(Resolved, Closed, Agent),
    ]);

    /// <summary>
    /// Submitted → (AwaitingApproval → Approved | Rejected) → InFulfilment → Fulfilled → Closed. Approval decisions and
    /// the end of fulfilment are made by Keel (an approver's decision, the last task done), not by a direct move.
    /// </summary>
    public static Workflow Request { get; } = new(WorkKind.Request, Submitted,
    [
        new(Submitted, AwaitingApproval), new(Submitted, InFulfilment), new(Submitted, Cancelled, Agent, Requester),
        new(AwaitingApproval, Approved), new(AwaitingApproval, Rejected), new(AwaitingApproval, Cancelled, Agent, Requester),
        new(Approved, InFulfilment), new(Approved, Cancelled, Agent, Requester),
        new(InFulfilment, Fulfilled, Agent), new(InFulfilment, Cancelled, Agent),
        new(Fulfilled, Closed, Agent), new(Rejected, Closed, Agent),
    ]);

    /// <summary>Pending (waiting for earlier tasks) → Open → InProgress → Done. Keel opens a task when its turn comes.</summary>
    public static Workflow Task { get; } = new(WorkKind.Task, Pending,
    [
        new(Pending, Open), new(Pending, Cancelled, Agent),
        new(Open, InProgress, Agent), new(Open, Done, Agent), new(Open, Cancelled, Agent),
        new(InProgress, Open, Agent), new(InProgress, Done, Agent), new(InProgress, Cancelled, Agent),
    ]);

    public static Workflow Problem { get; } = new(WorkKind.Problem, New,
    [
        new(New, Assessed, Agent), new(New, Cancelled, Agent),
        new(Assessed, RootCauseAnalysis, Agent), new(Assessed, Cancelled, Agent),
        new(RootCauseAnalysis, KnownError, Agent), new(RootCauseAnalysis, Resolved, Agent),
        new(KnownError, Resolved, Agent), new(Resolved, Closed, Agent),
    ]);

    /// <summary>
    /// Draft → Assess → Authorize → Scheduled → Implement → Review → Closed. A standard change is pre-authorized and goes
    /// Draft → Scheduled (Keel.Domain.Changes.ChangeFlow keeps each type to its path); the authority's decision moves an
    /// authorized change to Scheduled and a rejected one back to Draft.
    /// </summary>
    public static Workflow Change { get; } = new(WorkKind.Change, Draft,
    [
        new(Draft, Assess, Agent), new(Draft, Scheduled, Agent), new(Draft, Cancelled, Agent),
        new(Assess, Authorize, Agent), new(Assess, Draft, Agent), new(Assess, Cancelled, Agent),
        new(Authorize, Scheduled), new(Authorize, Draft), new(Authorize, Cancelled, Agent),
        new(Scheduled, Implement, Agent), new(Scheduled, Cancelled, Agent),
        new(Implement, Review, Agent), new(Review, Closed, Agent),
    ]);

    public static Workflow For(WorkKind kind) => kind switch
    {
        WorkKind.Incident => Incident,
        WorkKind.Request => Request,
        WorkKind.Task => Task,
        WorkKind.Problem => Problem,
        WorkKind.Change => Change,
    };

    /// <summary>States in which no one works on the item any more, whatever its kind (final, or resolved and waiting to close).</summary>
    public static IReadOnlyList<WorkState> NotOpenStates { get; } = [Resolved, Closed, Cancelled, Rejected, Fulfilled, Done];

    /// <summary>Whether the work is still open (counted as open work, in queues, when retiring a service).</summary>
    public static bool IsOpen(WorkKind kind, WorkState state) => For(kind).Uses(state) && !NotOpenStates.Contains(state);
}
