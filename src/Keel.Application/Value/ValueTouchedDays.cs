using Keel.Application.Data;
using Keel.Application.ServiceLevels;
using Keel.Domain.Experience;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Value;

/// <summary>
/// The days whose rollup rows may have changed since an instant: the catch-up rewrites exactly these. A day is touched
/// when a record stored since then counts on it now, or counted on it before and has moved away. Anything that moves
/// figures without leaving a trace here — a team's new hourly rate or members, a requester's new business unit, a
/// recompute of clocks after a calendar or policy change — needs a rebuild of the affected range
/// (<c>POST /api/v1/value/rollup/rebuild</c>).
/// </summary>
internal sealed class ValueTouchedDays(KeelDb db)
{
    /// <summary>The state names a resolution writes into the history: a reopen moves the ticket's resolution off these days.</summary>
    private static readonly string[] Resolutions = [nameof(WorkState.Resolved), nameof(WorkState.Fulfilled)];

    /// <summary>Fields whose change makes the clocks pick a policy again and recompute from their start (priority, team).</summary>
    private static readonly string[] ClockResetFields = ["priority", "team"];

    public async Task<SortedSet<DateOnly>> SinceAsync(DateTime since, CancellationToken ct)
    {
        var days = new SortedSet<DateOnly>();
        void Add(IEnumerable<DateTime?> instants) => days.UnionWith(instants.OfType<DateTime>().Select(DateOnly.FromDateTime));

        // Any change to an item (a move, a field, a merge, a comment or a work log: all set UpdatedAt) may change the
        // figures of the day it was raised and of the day it is resolved now.
        var changed = db.Set<WorkItem>().AsNoTracking().Where(w => w.UpdatedAt >= since);
        foreach (var item in await changed.Select(w => new { w.CreatedAt, w.ResolvedAt }).ToListAsync(ct))
        {
            Add([item.CreatedAt, item.ResolvedAt]);
        }

        // A reopen clears ResolvedAt: the day of each earlier resolution in the item's history may have lost a ticket.
        Add(await (
                from e in db.Set<WorkEvent>().AsNoTracking()
                where e.Type == WorkEventType.StateChanged && Resolutions.Contains(e.To) && changed.Any(w => w.Id == e.WorkItemId)
                select (DateTime?)e.At)
            .ToListAsync(ct));

        // A changed item may have moved to another service: its clocks and its labour move with it.
        Add(await (
                from d in db.Set<ServiceLevelClock>().AsNoTracking().Select(DecidedClocks.Projection)
                where d.At != null && changed.Any(w => w.Id == d.WorkItemId)
                select d.At)
            .ToListAsync(ct));
        days.UnionWith(await db.Set<WorkLog>().AsNoTracking()
            .Where(l => changed.Any(w => w.Id == l.WorkItemId)).Select(l => l.Date).Distinct().ToListAsync(ct));

        // A new priority or team recomputes the clocks from their start, and may move a met or breached clock's decision to
        // another day or undo it. The old decision lies between the item's creation and the change: rewrite those days.
        var resets = await (
                from e in db.Set<WorkEvent>().AsNoTracking()
                where e.At >= since && e.Type == WorkEventType.FieldChanged && ClockResetFields.Contains(e.Field)
                join w in db.Set<WorkItem>() on e.WorkItemId equals w.Id
                where db.Set<ServiceLevelClock>().Any(c => c.WorkItemId == w.Id)
                group e by new { w.Id, w.CreatedAt } into g
                select new { g.Key.CreatedAt, Until = g.Max(e => e.At) })
            .ToListAsync(ct);
        foreach (var reset in resets)
        {
            for (var day = DateOnly.FromDateTime(reset.CreatedAt); day <= DateOnly.FromDateTime(reset.Until); day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        // Clocks decided (or recomputed) since: the tick job decides breaches without changing the item.
        Add(await db.Set<ServiceLevelClock>().AsNoTracking().Where(c => c.ComputedAt >= since)
            .Select(DecidedClocks.Projection).Where(d => d.At != null).Select(d => d.At).ToListAsync(ct));

        days.UnionWith(await db.Set<WorkLog>().AsNoTracking().Where(l => l.CreatedAt >= since).Select(l => l.Date).Distinct().ToListAsync(ct));

        // A requester's reply counts in the interactions of its ticket's resolution day.
        Add(await (
                from c in db.Set<WorkComment>().AsNoTracking()
                where c.CreatedAt >= since
                join w in db.Set<WorkItem>() on c.WorkItemId equals w.Id
                where w.ResolvedAt != null
                select w.ResolvedAt)
            .ToListAsync(ct));

        // Surveys count on the day they were sent, their answers too.
        Add(await db.Set<Survey>().AsNoTracking().Where(s => s.SentAt >= since || s.RespondedAt >= since)
            .Select(s => (DateTime?)s.SentAt).ToListAsync(ct));
        return days;
    }
}
