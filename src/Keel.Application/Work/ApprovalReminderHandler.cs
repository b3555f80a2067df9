using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Platform.Notifications;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>
/// Reminds approvers of requests that have waited a day, and again every day after, until they decide: a request
/// stuck with an approver who forgot is the commonest reason a simple request takes a week.
/// </summary>
public sealed class ApprovalReminderHandler(KeelDb db, TimeProvider time, NotificationLinks links) : IJobHandler
{
    public const string JobType = "work.approval-reminders";
    public const string Schedule = "every 1h";
    public static readonly TimeSpan RemindAfter = TimeSpan.FromDays(1);

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken) => await RemindAsync(cancellationToken);

    /// <summary>Sends the reminders due now; returns how many.</summary>
    public async Task<int> RemindAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = now - RemindAfter;
        var approvals = await db.Set<Approval>()
            .Where(a => a.State == ApprovalState.Pending && a.RequestedAt <= due && (a.RemindedAt == null || a.RemindedAt <= due))
            .OrderBy(a => a.RequestedAt).Take(500).ToListAsync(ct);
        if (approvals.Count == 0)
        {
            return 0;
        }
        var itemIds = approvals.Select(a => a.WorkItemId).Distinct().ToList();
        var items = await db.Set<WorkItem>().AsNoTracking().Where(w => itemIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var intents = approvals.Select(a =>
        {
            var item = items[a.WorkItemId];
            var waited = now - a.RequestedAt;
            var detail = waited.TotalDays >= 2 ? $"{(int)waited.TotalDays} days" : "a day";
            return (new NotificationIntent(a.ApproverId, NotificationEvent.ApprovalReminder, true, detail), item, (Guid?)(item.RequestedForId ?? item.RequesterId));
        }).ToList();
        await NotificationWriter.AddAsync(db, links, intents, now, ct);
        approvals.ForEach(a => a.RemindedAt = now);
        // A decision made meanwhile wins (the approval's version changed): skip this round, the next sees the truth.
        return await db.SaveOrConflictAsync(ct) is null ? approvals.Count : 0;
    }
}
