namespace Keel.Domain.Work;

public enum WorkEventType
{
    Created,
    StateChanged,
    FieldChanged,
    Commented,
    WorkLogged,
    Linked,
    Attached,
    Merged,

    /// <summary>A stakeholder update was sent on a major incident (its text is the public comment of the same time).</summary>
    UpdateSent,
}

/// <summary>
/// One line of a work item's append-only history: who did what and when. Service-level clocks and flow metrics are
/// computed from these, so they can be recomputed and tested. <see cref="Internal"/> lines (internal notes, assignment
/// and effort details) are never shown to the requester.
/// </summary>
public sealed class WorkEvent
{
    public long Id { get; set; }
    public Guid WorkItemId { get; set; }
    public DateTime At { get; set; }

    /// <summary>Null when Keel itself acted (a timer, an approval rule).</summary>
    public Guid? ActorId { get; set; }

    public WorkEventType Type { get; set; }
    public string? Field { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }

    /// <summary>A reason or note that goes with the change (a hold reason, a rejection reason, a merge target).</summary>
    public string? Detail { get; set; }

    public bool Internal { get; set; }
}
