using System.Security.Cryptography;
using System.Text;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

public sealed record CalendarFeedStatus(bool Active, DateTime? CreatedAt);

/// <summary>
/// Personal iCalendar feeds of the change schedule. The token is shown once, stored only as a SHA-256 hash, opens the
/// feed and nothing else (it is not an API token), and stops working when revoked or when its owner leaves IT.
/// </summary>
public sealed class CalendarFeedService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    /// <summary>The feed reaches this far back and ahead (calendar clients keep what they have seen).</summary>
    public const int MonthsBack = 1;
    public const int MonthsAhead = 3;

    /// <summary>Issues a new feed token for the caller, revoking the one before; returns the secret (shown once).</summary>
    public async Task<Result<string>> CreateAsync(CancellationToken ct)
    {
        if (user.UserId is not { } me || !ChangeCalendarAccess.CanRead(user))
        {
            return Error.Forbidden("Only IT staff subscribe to the change calendar.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        await RevokeAllAsync(me, now, ct);
        var secret = CalendarFeedToken.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.Add(new CalendarFeedToken { UserId = me, Hash = Hash(secret), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task<Result<CalendarFeedStatus>> StatusAsync(CancellationToken ct)
    {
        if (user.UserId is not { } me || !ChangeCalendarAccess.CanRead(user))
        {
            return Error.Forbidden("Only IT staff subscribe to the change calendar.");
        }
        var active = await db.Set<CalendarFeedToken>().AsNoTracking().Where(t => t.UserId == me && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(ct);
        return new CalendarFeedStatus(active is not null, active?.CreatedAt);
    }

    public async Task<Result<bool>> RevokeAsync(CancellationToken ct)
    {
        if (user.UserId is not { } me)
        {
            return Error.Forbidden();
        }
        await RevokeAllAsync(me, time.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The schedule behind a feed token as iCalendar text, or null when the token opens nothing.</summary>
    public async Task<string?> FeedAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || !token.StartsWith(CalendarFeedToken.Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var feed = await db.Set<CalendarFeedToken>().AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, ct);
        if (feed is null || !await IsActiveStaffAsync(feed.UserId, ct))
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var calendar = await new ChangeSchedule(db).CalendarAsync(month.AddMonths(-MonthsBack), month.AddMonths(MonthsAhead), ct);
        return ChangeCalendarIcs.Write(calendar, now);
    }

    private async Task<bool> IsActiveStaffAsync(Guid userId, CancellationToken ct)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId && u.IsActive, ct))
        {
            return false;
        }
        var roles = WorkAccess.WorkerRoles.ToList();
        return await db.UserRoles.Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).AnyAsync(name => roles.Contains(name), ct);
    }

    private async Task RevokeAllAsync(Guid userId, DateTime now, CancellationToken ct)
    {
        foreach (var old in await db.Set<CalendarFeedToken>().Where(t => t.UserId == userId && t.RevokedAt == null).ToListAsync(ct))
        {
            old.RevokedAt = now;
        }
    }

    private static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
