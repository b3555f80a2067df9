namespace Keel.Domain.Platform;

/// <summary>A personal API token. Only a hash of the secret is kept; the secret is shown once at creation.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so a user can tell tokens apart on their profile.</summary>
    public required string Prefix { get; set; }

    public required string Hash { get; set; }
    public bool CanWrite { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public bool IsActiveAt(DateTime nowUtc) => RevokedAt is null && ExpiresAt > nowUtc;

    public IReadOnlyList<string> Scopes => CanWrite ? ["read", "write"] : ["read"];
}
