using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>A message in a work item's conversation: a public reply the requester sees, or an internal note they never do.</summary>
public sealed class WorkComment
{
    public const int BodyMaxLength = 20_000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkItemId { get; set; }
    public Guid AuthorId { get; set; }

    /// <summary>Markdown; sanitized when rendered.</summary>
    public string Body { get; set; } = "";

    public bool Internal { get; set; }

    /// <summary>A major incident's stakeholder update: public, and sent to its stakeholders as well as its requester.</summary>
    public bool StakeholderUpdate { get; set; }

    /// <summary>When the next stakeholder update is promised (stakeholder updates only).</summary>
    public DateTime? NextUpdateAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public void Validate(FieldErrors errors) => errors.Required("body", Body, BodyMaxLength);
}
