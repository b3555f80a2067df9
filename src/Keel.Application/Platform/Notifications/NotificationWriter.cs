using Keel.Application.Data;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Notifications;

/// <summary>Adds notifications for intents to the pending save: the template, each person's channels, no message to inactive people.</summary>
internal static class NotificationWriter
{
    public static async Task AddAsync(
        KeelDb db, NotificationLinks links, IReadOnlyList<(NotificationIntent Intent, WorkItem Item, Guid? ActorId)> intents, DateTime now, CancellationToken ct)
    {
        var people = intents.SelectMany(i => new[] { i.Intent.RecipientId, i.ActorId ?? Guid.Empty }).Distinct().ToList();
        var users = await db.Users.Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email, u.IsActive, u.TimeZone })
            .ToDictionaryAsync(u => u.Id, ct);
        var recipients = intents.Select(i => i.Intent.RecipientId).Distinct().ToList();
        var preferences = await db.Set<NotificationPreference>().Where(p => recipients.Contains(p.UserId)).ToListAsync(ct);
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
            var path = intent.Event is NotificationEvent.ApprovalRequested or NotificationEvent.ApprovalReminder
                ? "/portal/approvals"
                : links.PathOf(item.Kind, item.Number, intent.ForRequester);
            var actor = actorId is { } a && users.TryGetValue(a, out var who) ? who.DisplayName : "Keel";
            var detail = intent.NextUpdateAt is { } next ? $"{intent.Detail}\n\nNext update by {InZone(next, recipient.TimeZone)}." : intent.Detail;
            var (subject, body) = NotificationTemplates.Render(intent.Event, new NotificationModel(item.Number, item.Title, actor, detail, links.Absolute(path)));
            db.Add(new Notification
            {
                RecipientId = intent.RecipientId, Event = intent.Event, Subject = subject, Body = body, Link = path, WorkItemId = item.Id,
                CreatedAt = now, InApp = preference.InApp,
                Email = preference.Email && !string.IsNullOrWhiteSpace(recipient.Email) ? EmailState.Pending : EmailState.None,
            });
        }
    }

    /// <summary>A time as the recipient reads it: their wall clock, named by their zone (e-mail has no browser to ask).</summary>
    private static string InZone(DateTime utc, string zone) =>
        TimeZones.ToLocal(utc, zone).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture) + $" ({zone})";
}
