using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform.Notifications;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Accounts;
using Keel.Domain.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Application.Platform.Accounts;

public sealed record InvitationSent(Ref Person, DateTime ExpiresAt);

/// <summary>A person's latest invitation, for the admin: when it went, until when it works, and what became of it.</summary>
public sealed record InvitationStatus(DateTime SentAt, DateTime ExpiresAt, DateTime? AcceptedAt, bool Works);

/// <summary>What the holder of a working link may see before choosing a password: what it is for and whose account.</summary>
public sealed record AccountLinkView(AccountLinkPurpose Purpose, string UserName, DateTime ExpiresAt);

/// <summary>
/// Invitations and password resets by e-mail. A link's secret (32 random bytes, base64url) is generated here, put in
/// the e-mail and forgotten; only its SHA-256 hash is stored.
/// <para>
/// The e-mail goes through the notification outbox, the simplest design that meets the rules: the message is an
/// account message (<see cref="NotificationEvents.IsAccountMessage"/>) written here directly, not through the person's
/// preferences, so it is e-mail only (never in-app) even when they turned e-mail off; the mail job sends it with the
/// same retries as any notification and then removes the link from the stored body
/// (<see cref="Notification.ForgetSecretOnceSettled"/>). The secret is therefore never in a log, an audit line, an API
/// answer or the in-app list, and is in the database only until the e-mail has gone.
/// </para>
/// </summary>
public sealed class AccountLinkService(
    KeelDb db, UserManager<KeelUser> users, ICurrentUser actor, TimeProvider time, NotificationLinks links, IOptions<AccountLinkPolicy> options)
{
    public const string InvitationPath = "/account/accept-invitation";
    public const string ResetPath = "/account/reset-password";
    private const int SecretBytes = 32;
    private const int SecretLength = 43; // 32 bytes in unpadded base64url

    /// <summary>One answer for a used, expired, voided, unknown or malformed link, so none can be told from another.</summary>
    public static readonly Error InvalidToken = new(ErrorKind.Validation, "invalid_token",
        "This link no longer works: links work once, expire, and are replaced by a newer one. Ask for a new link.");

    private AccountLinkPolicy Policy => options.Value;

    /// <summary>The answer to every reset request, whether or not an account matched, so nobody learns which accounts exist.</summary>
    public string ResetRequestedMessage =>
        $"If an active account with an e-mail address matches, we have sent it a link to choose a new password. The link works for {AccountLinkPolicy.Describe(Policy.PasswordResetLifetime)}.";

    /// <summary>An administrator (re-)invites a person: a new link by e-mail, and every earlier invitation stops working.</summary>
    public async Task<Result<InvitationSent>> InviteAsync(Guid personId, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only administrators invite people.");
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == personId, ct);
        if (user is null)
        {
            return Error.NotFound("The person");
        }
        if (Refusal(user) is { } refused)
        {
            return refused;
        }
        var link = await AddLinkAsync(user, AccountLinkPurpose.Invitation, ct);
        await db.SaveChangesAsync(ct);
        return new InvitationSent(new Ref(user.Id, user.DisplayName), link.ExpiresAt);
    }

    /// <summary>The person's latest invitation, or null when none was sent; admins only.</summary>
    public async Task<Result<InvitationStatus?>> LatestInvitationAsync(Guid personId, CancellationToken ct)
    {
        if (!actor.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only administrators see invitations.");
        }
        var link = await db.Set<AccountLink>().AsNoTracking()
            .Where(l => l.UserId == personId && l.Purpose == AccountLinkPurpose.Invitation)
            .OrderByDescending(l => l.CreatedAt).FirstOrDefaultAsync(ct);
        return link is null ? Result<InvitationStatus?>.Ok(null) : new InvitationStatus(link.CreatedAt, link.ExpiresAt, link.UsedAt, link.IsUsableAt(Now));
    }

    /// <summary>Why a person cannot be invited, or null; checked before a person is created with an invitation too.</summary>
    internal static Error? Refusal(KeelUser user) =>
        !user.IsActive ? Error.Conflict("The person is deactivated: activate them before inviting them.")
        : string.IsNullOrWhiteSpace(user.Email) ? Error.Validation("email", "is needed to send an invitation.")
        : null;

    /// <summary>
    /// "Forgot your password?": sends a reset link to the active accounts whose user name or e-mail address is
    /// <paramref name="login"/>, at most <see cref="AccountLinkPolicy.ResetsPerWindow"/> per account and window.
    /// Always the same answer.
    /// </summary>
    public async Task<Result<string>> RequestResetAsync(string? login, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(login) || login.Trim().Length > 256)
        {
            return Error.Validation("login", "is required: your user name or e-mail address.");
        }
        var name = users.NormalizeName(login.Trim());
        var email = users.NormalizeEmail(login.Trim());
        var accounts = await db.Users.Where(u => (u.NormalizedUserName == name || u.NormalizedEmail == email) && u.IsActive && u.Email != null)
            .OrderBy(u => u.Id).Take(5).ToListAsync(ct);
        var now = Now;
        var since = now - Policy.ResetWindow;
        foreach (var user in accounts.Where(u => !string.IsNullOrWhiteSpace(u.Email)))
        {
            var recent = await db.Set<AccountLink>()
                .Where(l => l.UserId == user.Id && l.Purpose == AccountLinkPurpose.PasswordReset && l.CreatedAt > since)
                .Select(l => l.CreatedAt).ToListAsync(ct);
            if (Policy.MaySendReset(recent, now))
            {
                await AddLinkAsync(user, AccountLinkPurpose.PasswordReset, ct);
            }
        }
        await db.SaveChangesAsync(ct);
        return ResetRequestedMessage;
    }

    /// <summary>Whether a link still works, without using it up (the page asks before showing the form).</summary>
    public async Task<Result<AccountLinkView>> CheckAsync(string? token, CancellationToken ct)
    {
        var found = await FindUsableAsync(token, ct);
        return found is { } f ? new AccountLinkView(f.Link.Purpose, f.User.UserName!, f.Link.ExpiresAt) : InvalidToken;
    }

    /// <summary>
    /// Sets the password of the link's account under Identity's password rules (errors on <c>password</c>, the link
    /// stays usable), uses the link up, voids the person's other links, ends their other sessions (a new security
    /// stamp) and clears failed sign-ins and lockout. Signs nobody in.
    /// </summary>
    public async Task<Result<AccountLinkView>> SetPasswordAsync(string? token, string? password, CancellationToken ct)
    {
        if (await FindUsableAsync(token, ct) is not { } found)
        {
            return InvalidToken;
        }
        var (link, user) = found;
        if (await PasswordErrorsAsync(user, password) is { Length: > 0 } problems)
        {
            return Error.Validation(new Dictionary<string, string[]> { ["password"] = problems });
        }
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claimed with a conditional update: of two requests racing with one link, exactly one wins.
        var claimed = await db.Set<AccountLink>()
            .Where(l => l.Id == link.Id && l.UsedAt == null && l.VoidedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), ct);
        if (claimed != 1)
        {
            return InvalidToken;
        }
        await db.Set<AccountLink>()
            .Where(l => l.UserId == user.Id && l.Id != link.Id && l.UsedAt == null && l.VoidedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.VoidedAt, now), ct);
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password!);
        user.SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        user.EmailConfirmed = true; // the link reached their mailbox
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.LastFailedSignInAt = null;
        Audit(user, "Password", link.Purpose == AccountLinkPurpose.Invitation ? "chosen from the invitation" : "reset by e-mail link", user.Id, user.UserName!);
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return conflict;
        }
        await transaction.CommitAsync(ct);
        return new AccountLinkView(link.Purpose, user.UserName!, link.ExpiresAt);
    }

    /// <summary>
    /// Adds a link and its e-mail to the pending save, voiding the person's earlier links of the same purpose: only the
    /// newest e-mail works.
    /// </summary>
    internal async Task<AccountLink> AddLinkAsync(KeelUser user, AccountLinkPurpose purpose, CancellationToken ct)
    {
        var now = Now;
        var earlier = await db.Set<AccountLink>()
            .Where(l => l.UserId == user.Id && l.Purpose == purpose && l.UsedAt == null && l.VoidedAt == null)
            .ToListAsync(ct);
        earlier.ForEach(l => l.Void(now));
        var lifetime = Policy.LifetimeOf(purpose);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        var link = new AccountLink { UserId = user.Id, Purpose = purpose, Hash = Hash(secret), CreatedAt = now, ExpiresAt = now + lifetime };
        db.Add(link);

        var (e, path) = purpose == AccountLinkPurpose.Invitation
            ? (NotificationEvent.Invitation, InvitationPath)
            : (NotificationEvent.PasswordReset, ResetPath);
        var inviter = actor.UserId is { } id ? (await db.DisplayNamesAsync([id], ct)).GetValueOrDefault(id) : null;
        var (subject, body) = NotificationTemplates.Render(e, new NotificationModel(
            user.UserName!, user.DisplayName, inviter ?? "An administrator", AccountLinkPolicy.Describe(lifetime), links.Absolute($"{path}?token={secret}")));
        // No in-app copy and no Link: the stored row must not offer the secret anywhere but the pending e-mail body.
        db.Add(new Notification
        {
            RecipientId = user.Id, Event = e, Subject = subject, Body = body, CreatedAt = now, InApp = false, Email = EmailState.Pending,
        });
        if (purpose == AccountLinkPurpose.Invitation)
        {
            Audit(user, "Invitation", $"sent to {user.Email}", actor.UserId, actor.UserName);
        }
        return link;
    }

    /// <summary>Voids a person's open links (their e-mail address changed, so links sent to the old one must stop).</summary>
    internal async Task VoidOpenLinksAsync(Guid userId, CancellationToken ct)
    {
        var now = Now;
        var open = await db.Set<AccountLink>().Where(l => l.UserId == userId && l.UsedAt == null && l.VoidedAt == null).ToListAsync(ct);
        open.ForEach(l => l.Void(now));
    }

    private async Task<(AccountLink Link, KeelUser User)?> FindUsableAsync(string? token, CancellationToken ct)
    {
        if (token is not { Length: SecretLength } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }
        var hash = Hash(token);
        var link = await db.Set<AccountLink>().FirstOrDefaultAsync(l => l.Hash == hash, ct);
        if (link is null || !link.IsUsableAt(Now))
        {
            return null;
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == link.UserId && u.IsActive, ct);
        return user is null ? null : (link, user);
    }

    private async Task<string[]> PasswordErrorsAsync(KeelUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ["is required."];
        }
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            problems.AddRange(result.Errors.Select(e => e.Description));
        }
        return [.. problems];
    }

    /// <summary>A line in the person's history; the trail never sees the secret or the password hash.</summary>
    private void Audit(KeelUser user, string field, string what, Guid? byId, string byName) =>
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = Now,
            UserId = byId,
            UserName = byName,
            EntityType = nameof(KeelUser),
            EntityId = user.Id.ToString(),
            Action = AuditAction.Updated,
            Changes = JsonSerializer.Serialize(new Dictionary<string, object> { [field] = new { Before = (string?)null, After = what } }),
        });

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
