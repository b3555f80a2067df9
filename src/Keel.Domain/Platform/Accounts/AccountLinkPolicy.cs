namespace Keel.Domain.Platform.Accounts;

/// <summary>
/// How long links last and how often a reset may be sent (<c>Keel:Accounts:*</c>). The reset limit is per account, so
/// nobody can flood a person's mailbox by asking for resets of their account.
/// </summary>
public sealed class AccountLinkPolicy
{
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromHours(72);
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most this many reset links per account within <see cref="ResetWindow"/>; further requests send nothing.</summary>
    public int ResetsPerWindow { get; set; } = 3;

    public TimeSpan ResetWindow { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan LifetimeOf(AccountLinkPurpose purpose) => purpose switch
    {
        AccountLinkPurpose.Invitation => InvitationLifetime,
        AccountLinkPurpose.PasswordReset => PasswordResetLifetime,
    };

    /// <summary>True when another reset link may go to an account that was sent links at <paramref name="recentResets"/>.</summary>
    public bool MaySendReset(IEnumerable<DateTime> recentResets, DateTime nowUtc) =>
        recentResets.Count(at => at > nowUtc - ResetWindow) < ResetsPerWindow;

    /// <summary>"72 hours", "1 hour", "30 minutes": how long a link works, in the words of its e-mail.</summary>
    public static string Describe(TimeSpan lifetime) => lifetime switch
    {
        { TotalHours: >= 1 } when lifetime.TotalHours % 1 == 0 => Plural((int)lifetime.TotalHours, "hour"),
        _ => Plural((int)Math.Ceiling(lifetime.TotalMinutes), "minute"),
    };

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
