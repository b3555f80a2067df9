namespace Keel.Domain.Work;

/// <summary>
/// Every state any kind of work can be in, in one enumeration so that lists filter across kinds
/// (<c>state=New,InProgress</c>). Which states a kind uses, and how it moves between them, is its <see cref="Workflow"/>.
/// </summary>
public enum WorkState
{
    // Incidents (and the shared ones)
    New,
    InProgress,
    OnHold,
    Resolved,
    Closed,
    Cancelled,

    // Requests
    Submitted,
    AwaitingApproval,
    Approved,
    Rejected,
    InFulfilment,
    Fulfilled,

    // Tasks
    Pending,
    Open,
    Done,

    // Problems
    Assessed,
    RootCauseAnalysis,
    KnownError,

    // Changes
    Draft,
    Assess,
    Authorize,
    Scheduled,
    Implement,
    Review,
}
