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
        var intents = await CollectAsync(db, ct);
        if (intents.Count > 0)
        {
            await NotificationWriter.AddAsync(db, links, intents, time.GetUtcNow().UtcDateTime, ct);
        }
    }

    private static async Task<List<(NotificationIntent Intent, WorkItem Item, Guid? ActorId)>> CollectAsync(KeelDb db, CancellationToken ct)
    {
        // Runs on every save of every area: leave at once unless work history or approvals are being added.
        var lines = db.ChangeTracker.Entries<WorkEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var found = new List<(NotificationIntent, WorkItem, Guid?)>();
        if (lines.Count == 0 && !db.ChangeTracker.Entries<Approval>().Any(e => e.State == EntityState.Added))
        {
            return found;
        }
        var items = db.ChangeTracker.Entries<WorkItem>().ToDictionary(e => e.Entity.Id, e => e.Entity);
        var comments = db.ChangeTracker.Entries<WorkComment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var touched = lines.Select(l => l.WorkItemId).Distinct().ToList();
        var followers = (await db.Set<WorkFollower>().Where(f => touched.Contains(f.WorkItemId)).ToListAsync(ct))
            .Concat(db.ChangeTracker.Entries<WorkFollower>().Where(e => e.State == EntityState.Added).Select(e => e.Entity))
            .ToLookup(f => f.WorkItemId, f => f.PersonId);
        // Stakeholders hear only stakeholder updates and resolutions: read them only for saves that carry one of those.
        var informing = lines.Where(l => l.Type is WorkEventType.UpdateSent or WorkEventType.StateChanged).Select(l => l.WorkItemId).Distinct().ToList();
        var stakeholders = informing.Count == 0
            ? Enumerable.Empty<WorkStakeholder>().ToLookup(s => s.WorkItemId, s => s.PersonId)
            : (await db.Set<WorkStakeholder>().Where(s => informing.Contains(s.WorkItemId)).ToListAsync(ct)).ToLookup(s => s.WorkItemId, s => s.PersonId);
        foreach (var line in lines)
        {
            if (items.TryGetValue(line.WorkItemId, out var item))
            {
                var comment = comments.FirstOrDefault(c => c.WorkItemId == item.Id && c.AuthorId == line.ActorId && !c.Internal);
                found.AddRange(WorkNotifications.For(item, line, comment?.Body, followers[item.Id].Distinct().ToList(), stakeholders[item.Id].ToList())
                    .Select(i => (i.Event == NotificationEvent.StakeholderUpdate ? i with { NextUpdateAt = comment?.NextUpdateAt } : i, item, line.ActorId)));
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
