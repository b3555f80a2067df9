using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Notifications;

public sealed record NotificationView(Guid Id, NotificationEvent Event, string Subject, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);

public sealed record PreferenceView(NotificationEvent Event, bool InApp, bool Email);

/// <summary>A person's own notifications and their choices per event; nobody reads anyone else's.</summary>
public sealed class NotificationService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    private static readonly KeysetPager<Notification> Pager = new(n => n.Id, SortKey<Notification>.By("createdAt", n => n.CreatedAt));

    public async Task<Result<Page<NotificationView>>> ListAsync(bool unreadOnly, PageRequest page, CancellationToken ct)
    {
        var query = Mine().Where(n => n.InApp);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }
        var result = await Pager.PageAsync(query, page with { Sort = page.Sort ?? "-createdAt" }, ct);
        return result.IsSuccess ? result.Value!.Map(View) : result.Error!;
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct) => await Mine().CountAsync(n => n.InApp && n.ReadAt == null, ct);

    public async Task<Result<NotificationView>> MarkReadAsync(Guid id, CancellationToken ct)
    {
        var notification = await db.Set<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.RecipientId == user.UserId && n.InApp, ct);
        if (notification is null)
        {
            return Error.NotFound("The notification");
        }
        notification.ReadAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return View(notification);
    }

    public async Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<IReadOnlyList<PreferenceView>> PreferencesAsync(CancellationToken ct)
    {
        var stored = await db.Set<NotificationPreference>().Where(p => p.UserId == user.UserId).ToListAsync(ct);
        return Choosable
            .Select(e => stored.FirstOrDefault(p => p.Event == e) is { } p ? new PreferenceView(e, p.InApp, p.Email) : new PreferenceView(e, true, true))
            .ToList();
    }

    public async Task<Result<IReadOnlyList<PreferenceView>>> SetPreferencesAsync(IReadOnlyList<PreferenceView>? preferences, CancellationToken ct)
    {
        if (user.UserId is not { } me)
        {
            return Error.Forbidden("Only a person has preferences.");
        }
        if (preferences is null || preferences.Any(p => !Choosable.Contains(p.Event)) || preferences.DistinctBy(p => p.Event).Count() != preferences.Count)
        {
            return Error.Validation("preferences", $"must name each event once, among {string.Join(", ", Choosable)}.");
        }
        var stored = await db.Set<NotificationPreference>().Where(p => p.UserId == me).ToListAsync(ct);
        foreach (var wanted in preferences)
        {
            var row = stored.FirstOrDefault(p => p.Event == wanted.Event);
            if (row is null)
            {
                db.Add(row = new NotificationPreference { UserId = me, Event = wanted.Event });
            }
            row.InApp = wanted.InApp;
            row.Email = wanted.Email;
        }
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<PreferenceView>>.Ok(await PreferencesAsync(ct));
    }

    /// <summary>Account messages (invitations, resets) always go by e-mail, so they are no one's choice.</summary>
    private static readonly NotificationEvent[] Choosable = Enum.GetValues<NotificationEvent>().Where(e => !e.IsAccountMessage()).ToArray();

    private IQueryable<Notification> Mine() => db.Set<Notification>().Where(n => n.RecipientId == user.UserId);

    private static NotificationView View(Notification n) => new(n.Id, n.Event, n.Subject, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}
