using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>
/// Closes resolved incidents and fulfilled requests once the desk's automatic-close time has passed without a reopen
/// (API.md: default 3 days). Idempotent: an item closed by an earlier run is no longer due.
/// </summary>
public sealed class AutoCloseHandler(KeelDb db, TimeProvider time) : IJobHandler
{
    public const string JobType = "work.auto-close";
    public const string Schedule = "every 15m";
    public const int Batch = 500;

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        while (await CloseDueAsync(cancellationToken) == Batch)
        {
        }
    }

    /// <summary>Closes one batch of due items and returns how many it closed.</summary>
    public async Task<int> CloseDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await WorkSettingsService.CurrentAsync(db, ct);
        var cutoff = now - settings.AutoCloseAfter;
        var due = await db.Set<WorkItem>()
            .Where(w => ((w.Kind == WorkKind.Incident && w.State == WorkState.Resolved) || (w.Kind == WorkKind.Request && w.State == WorkState.Fulfilled))
                        && w.ResolvedAt < cutoff)
            .OrderBy(w => w.ResolvedAt).Take(Batch).ToListAsync(ct);
        var system = new TransitionContext(null, Mover.System, now, settings.ReopenWindow);
        var reason = $"Closed automatically {settings.AutoCloseAfter.TotalDays:0.#} days after resolution.";
        foreach (var item in due)
        {
            item.Transition(new TransitionRequest(WorkState.Closed, Reason: reason), system);
        }
        // Another node or a person may have moved an item meanwhile: skip the clash, the next run sees the truth.
        if (await db.SaveOrConflictAsync(ct) is not null)
        {
            return 0;
        }
        db.ChangeTracker.Clear();
        return due.Count;
    }
}
