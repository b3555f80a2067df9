using Keel.Application.Data;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.ServiceLevels;

/// <summary>
/// Rewrites the attainment rows of a range of months from the clocks: one GROUP BY over the decided clocks joined to
/// their items, the old rows of those months deleted and the new ones written in one transaction. Rerunning gives the
/// same rows. Several nodes may run it at once: on PostgreSQL a transaction-scoped advisory lock makes them take turns
/// (otherwise two rewrites could both delete, then both insert); SQLite has one writer at a time anyway.
/// </summary>
internal sealed class AttainmentRollup(KeelDb db)
{
    /// <summary>Any fixed number; only rollups take this advisory lock.</summary>
    private const long LockKey = 0x4B45454C_534C4141; // "KEELSLAA"

    /// <summary>Rewrites the months from <paramref name="first"/> to <paramref name="last"/> (both included); returns how many rows it wrote.</summary>
    public async Task<int> RebuildAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        // Inside a caller's transaction (the demo seed) the rewrite joins it; otherwise it is its own.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [LockKey], ct);
            }
            await db.Set<SlaAttainment>().Where(a => a.Month >= first && a.Month <= last).ExecuteDeleteAsync(ct);
            var rows = await CountAsync(first, last, ct);
            db.AddRange(rows);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
            return rows.Count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The counts per month and group, in SQL; other states than met and breached have no decided instant and are left out.</summary>
    private async Task<List<SlaAttainment>> CountAsync(DateOnly first, DateOnly last, CancellationToken ct)
    {
        var (start, end) = AttainmentRules.InstantsOf(first, last);
        var groups = await (
                from d in db.Set<ServiceLevelClock>().Select(DecidedClocks.Projection)
                where d.At >= start && d.At < end
                join w in db.Set<WorkItem>() on d.WorkItemId equals w.Id
                group d by new { d.At!.Value.Year, d.At.Value.Month, w.ServiceId, w.TeamId, w.Priority, d.Agreement, d.Kind } into g
                select new
                {
                    g.Key,
                    Met = g.Count(x => x.State == ClockState.Met),
                    Breached = g.Count(x => x.State == ClockState.Breached),
                })
            .ToListAsync(ct);
        return [.. groups.Select(g => new SlaAttainment
        {
            Month = new DateOnly(g.Key.Year, g.Key.Month, 1), ServiceId = g.Key.ServiceId, TeamId = g.Key.TeamId, Priority = g.Key.Priority,
            Agreement = g.Key.Agreement, Kind = g.Key.Kind, Met = g.Met, Breached = g.Breached,
        })];
    }
}
