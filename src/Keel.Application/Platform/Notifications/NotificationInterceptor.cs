using Keel.Application.Data;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Keel.Application.Platform.Notifications;

/// <summary>
/// Turns the history lines and approvals a save adds into notifications (rules in <see cref="WorkNotifications"/>),
/// written in the same save, so no use case can forget to tell anyone. Each person's preferences decide the channels.
/// </summary>
public sealed class NotificationInterceptor(TimeProvider time, NotificationLinks links) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KeelDb db && !db.SuppressNotifications)
        {
            await AddNotificationsAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is KeelDb db && !db.SuppressNotifications)
        {
            AddNotificationsAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    private async Task AddNotificationsAsync(KeelDb db, CancellationToken ct)
    {
        var intents = Collect(db);
        if (intents.Count == 0)
        {
            return;
        }
        var people = intents.SelectMany(i => new[] { i.Intent.RecipientId, i.ActorId ?? Guid.Empty }).Distinct().ToList();
        var users = await db.Users.Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive })
            .ToDictionaryAsync(u => u.Id, ct);
        var recipients = intents.Select(i => i.Intent.RecipientId).Distinct().ToList();
        var preferences = await db.Set<NotificationPreference>().Where(p => recipients.Contains(p.UserId)).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (intent, item, actorId) in intents)
        {
            if (!users.TryGetValue(intent.RecipientId, out var recipient) || !recipient.IsActive)
            {
                continue;
            }
            var preference = preferences.FirstOrDefault(p => p.UserId == intent.RecipientId && p.Event == intent.Event) ?? new NotificationPreference();
            if (!preference.InApp && !preference.Email)
            {
                continue;
            }
            var path = intent.Event == NotificationEvent.ApprovalRequested ? "/portal/approvals" : links.PathOf(item.Kind, item.Number, intent.ForRequester);
            var actor = actorId is { } a && users.TryGetValue(a, out var who) ? who.DisplayName : "Keel";
            var (subject, body) = NotificationTemplates.Render(intent.Event, new NotificationModel(item.Number, item.Title, actor, intent.Detail, links.Absolute(path)));
            db.Add(new Notification
            {
                RecipientId = intent.RecipientId, Event = intent.Event, Subject = subject, Body = body, Link = path, WorkItemId = item.Id,
                CreatedAt = now, InApp = preference.InApp,
                Email = preference.Email && !string.IsNullOrWhiteSpace(recipient.Email) ? EmailState.Pending : EmailState.None,
            });
        }
    }

    private static List<(NotificationIntent Intent, WorkItem Item, Guid? ActorId)> Collect(KeelDb db)
    {
        var items = db.ChangeTracker.Entries<WorkItem>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var comments = db.ChangeTracker.Entries<WorkComment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var found = new List<(NotificationIntent, WorkItem, Guid?)>();
        foreach (var line in db.ChangeTracker.Entries<WorkEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            if (items.TryGetValue(line.WorkItemId, out var item))
            {
                var body = comments.FirstOrDefault(c => c.WorkItemId == item.Id && c.AuthorId == line.ActorId && !c.Internal)?.Body;
                found.AddRange(WorkNotifications.For(item, line, body).Select(i => (i, item, line.ActorId)));
            }
        }
        foreach (var approval in db.ChangeTracker.Entries<Approval>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
        {
            if (items.TryGetValue(approval.WorkItemId, out var item) && approval.State == ApprovalState.Pending)
            {
                found.Add((new NotificationIntent(approval.ApproverId, NotificationEvent.ApprovalRequested, true, null), item, item.RequestedForId ?? item.RequesterId));
            }
        }
        return found;
    }
}
