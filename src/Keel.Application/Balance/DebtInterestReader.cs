using System.Globalization;
using Keel.Application.Data;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Reads what <see cref="DebtInterest"/> needs from the work logs: for many debt items at once, one row per link with
/// the minutes logged on the linked item in the interest window, in a single query.
/// </summary>
public sealed class DebtInterestReader(KeelDb db, TimeProvider time)
{
    public const int TrendMonths = 12;

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>The interest of each of <paramref name="items"/>, by item id.</summary>
    public async Task<Dictionary<Guid, DebtInterestFigure>> ForAsync(IReadOnlyCollection<TechDebtItem> items, CancellationToken ct)
    {
        var (from, to) = DebtInterest.WindowOf(Today);
        var ids = items.Select(i => i.Id).ToList();
        var links = await db.Set<TechDebtLink>().Where(l => ids.Contains(l.DebtItemId))
            .Select(l => new
            {
                l.DebtItemId,
                Minutes = db.Set<WorkLog>().Where(g => g.WorkItemId == l.WorkItemId && g.Date >= from && g.Date < to).Sum(g => (long?)g.Minutes) ?? 0,
            })
            .ToListAsync(ct);
        var byItem = links.GroupBy(l => l.DebtItemId).ToDictionary(g => g.Key, g => (Count: g.Count(), Minutes: g.Sum(x => x.Minutes)));
        return items.ToDictionary(i => i.Id, i =>
        {
            var (count, minutes) = byItem.GetValueOrDefault(i.Id);
            return DebtInterest.Compute(count, minutes, i.ManualInterestHoursPerMonth);
        });
    }

    public async Task<DebtInterestFigure> ForAsync(TechDebtItem item, CancellationToken ct) => (await ForAsync([item], ct))[item.Id];

    /// <summary>The linked incidents and problems of one item with the hours logged on each (in the window and in all).</summary>
    public async Task<IReadOnlyList<LinkedWorkView>> LinkedWorkAsync(Guid debtItemId, CancellationToken ct)
    {
        var (from, to) = DebtInterest.WindowOf(Today);
        var rows = await db.Set<TechDebtLink>().Where(l => l.DebtItemId == debtItemId)
            .Join(db.Set<WorkItem>(), l => l.WorkItemId, w => w.Id, (l, w) => new
            {
                w.Id, w.Kind, w.Number, w.Title, w.State,
                InWindow = db.Set<WorkLog>().Where(g => g.WorkItemId == w.Id && g.Date >= from && g.Date < to).Sum(g => (long?)g.Minutes) ?? 0,
                Total = db.Set<WorkLog>().Where(g => g.WorkItemId == w.Id).Sum(g => (long?)g.Minutes) ?? 0,
            })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Number, StringComparer.Ordinal)
            .Select(r => new LinkedWorkView(r.Id, r.Kind, r.Number, r.Title, r.State, Math.Round(r.InWindow / 60.0, 2), Math.Round(r.Total / 60.0, 2)))];
    }

    /// <summary>
    /// The register's total interest in each of the last twelve full months: the hours logged that month on the work
    /// linked to each debt item, summed over the items (work linked to two items counts for both, as in their interest).
    /// </summary>
    public async Task<IReadOnlyList<DebtInterestMonth>> TrendAsync(IQueryable<TechDebtItem> items, CancellationToken ct)
    {
        var to = DebtInterest.WindowOf(Today).To;
        var from = to.AddMonths(-TrendMonths);
        var days = await db.Set<TechDebtLink>().Where(l => items.Any(i => i.Id == l.DebtItemId))
            .Join(db.Set<WorkLog>(), l => l.WorkItemId, g => g.WorkItemId, (l, g) => g)
            .Where(g => g.Date >= from && g.Date < to)
            .GroupBy(g => g.Date)
            .Select(g => new { Date = g.Key, Minutes = g.Sum(x => (long)x.Minutes) })
            .ToListAsync(ct);
        var byMonth = days.GroupBy(d => (d.Date.Year, d.Date.Month)).ToDictionary(g => g.Key, g => g.Sum(d => d.Minutes));
        return [.. Enumerable.Range(0, TrendMonths).Select(i =>
        {
            var month = from.AddMonths(i);
            var minutes = byMonth.GetValueOrDefault((month.Year, month.Month));
            return new DebtInterestMonth(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Math.Round(minutes / 60.0, 2));
        })];
    }
}
