namespace Keel.Domain.Platform;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One append-only line of the audit trail: who changed which record, when, and each field before and after.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public Guid? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public AuditAction Action { get; set; }

    /// <summary>JSON object: field name → { "before", "after" }.</summary>
    public required string Changes { get; set; }
}
