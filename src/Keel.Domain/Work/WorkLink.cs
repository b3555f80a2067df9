namespace Keel.Domain.Work;

public enum WorkLinkType
{
    /// <summary>This item was caused by the other (an incident caused by a change).</summary>
    CausedBy,

    /// <summary>This item duplicates the other (set when merging).</summary>
    DuplicateOf,

    RelatedTo,
}

/// <summary>A typed link from one work item to another; read from either end.</summary>
public sealed class WorkLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FromId { get; set; }
    public Guid ToId { get; set; }
    public WorkLinkType Type { get; set; }
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
}
