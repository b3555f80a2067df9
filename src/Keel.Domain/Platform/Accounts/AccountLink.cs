namespace Keel.Domain.Platform.Accounts;

/// <summary>What an e-mailed account link lets its holder do: set the first password, or a new one.</summary>
public enum AccountLinkPurpose
{
    Invitation,
    PasswordReset,
}

/// <summary>
/// A single-use link that lets a person set their password. Only a SHA-256 hash of the secret is stored; the secret
/// itself exists in the e-mail alone. A link works until it expires, is used, or is voided by a newer link or by the
/// password being set another way.
/// </summary>
public sealed class AccountLink
{
    public const int HashLength = 64;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid UserId { get; set; }
    public AccountLinkPurpose Purpose { get; set; }

    /// <summary>Upper-case hex SHA-256 of the secret.</summary>
    public required string Hash { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
    public DateTime? VoidedAt { get; set; }

    public bool IsUsableAt(DateTime nowUtc) => UsedAt is null && VoidedAt is null && ExpiresAt > nowUtc;

    /// <summary>Makes an unused link unusable; a used or already voided link keeps its history.</summary>
    public void Void(DateTime nowUtc)
    {
        if (UsedAt is null)
        {
            VoidedAt ??= nowUtc;
        }
    }
}
