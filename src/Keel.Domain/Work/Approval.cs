namespace Keel.Domain.Work;

public enum ApprovalState
{
    Pending,
    Approved,
    Rejected,

    /// <summary>No decision is needed any more (the request was cancelled).</summary>
    Withdrawn,
}

/// <summary>One person's decision on a request (or, later, a change).</summary>
public sealed class Approval : Keel.Domain.Platform.IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkItemId { get; set; }
    public Guid ApproverId { get; set; }
    public ApprovalState State { get; set; } = ApprovalState.Pending;
    public string? Reason { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? RemindedAt { get; set; }
    public long Version { get; set; }
}
