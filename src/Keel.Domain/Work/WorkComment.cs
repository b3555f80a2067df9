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
    public DateTime CreatedAt { get; set; }

    public void Validate(FieldErrors errors) => errors.Required("body", Body, BodyMaxLength);
}
