namespace Keel.Domain.Changes;

/// <summary>
/// The secret in a person's change-calendar feed URL. It appears in URLs (calendar clients poll them), so it opens
/// that feed and nothing else; only its SHA-256 hash is stored, and a new one revokes the old.
/// </summary>
public sealed class CalendarFeedToken
{
    public const string Prefix = "keelcal_";

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public string Hash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}
