using Keel.Application.Data;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Keel.Application.ServiceLevels;

/// <summary>
/// Recomputes the clocks of every item whose history a save extends (created, moved, replied to, re-prioritized,
/// reassigned), in the same save, so no use case can leave a clock stale.
/// </summary>
public sealed class ServiceLevelInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is KeelDb { SuppressClocks: false } db)
        {
            await RefreshAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is KeelDb { SuppressClocks: false } db)
        {
            RefreshAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }
        return result;
    }

    private async Task RefreshAsync(KeelDb db, CancellationToken ct)
    {
        // Runs on every save of every area: leave at once unless work history is being added.
        var touched = db.ChangeTracker.Entries<WorkEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.WorkItemId).ToHashSet();
        if (touched.Count == 0)
        {
            return;
        }
        var items = db.ChangeTracker.Entries<WorkItem>().Where(e => touched.Contains(e.Entity.Id)).Select(e => e.Entity).ToList();
        await new ClockTracker(db).RefreshAsync(items, time.GetUtcNow().UtcDateTime, repick: false, ct);
    }
}
