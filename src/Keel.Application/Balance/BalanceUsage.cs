using Keel.Application.Data;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Value;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>Minutes one person logged on one item in one month, with the item's category and value-chain activity now.</summary>
internal sealed record UsageEntry(DateOnly Period, Guid PersonId, Guid WorkItemId, InvestmentCategory Category, ValueChainActivity Activity, long Minutes);

/// <summary>
/// Reads logged time for the balance and the value-chain distribution. Time counts under the category its work item has now (re-classifying an item
/// re-states history, which is what a leader correcting a category wants). For a team, time counts for the team the
/// person worked as — the item's team when they belong to it, else their first team — the same rule that prices
/// labour (<see cref="LabourCost.TeamOf"/>): capacity is people's time, wherever the item sits.
/// </summary>
internal static class BalanceUsage
{
    public static async Task<List<UsageEntry>> LoadAsync(
        KeelDb db, DateOnly from, DateOnly toExclusive, Guid? teamId, InvestmentCategory? category, CancellationToken ct)
    {
        var logs = db.Set<WorkLog>().AsNoTracking().Where(l => l.Date >= from && l.Date < toExclusive);
        if (teamId is { } team)
        {
            logs = logs.Where(l => db.Set<TeamMember>().Any(m => m.TeamId == team && m.UserId == l.PersonId));
        }
        var items = db.Set<WorkItem>().AsNoTracking();
        if (category is { } c)
        {
            items = items.Where(w => w.InvestmentCategory == c);
        }
        var rows = await (
                from l in logs
                join w in items on l.WorkItemId equals w.Id
                group l.Minutes by new { l.Date.Year, l.Date.Month, l.PersonId, l.WorkItemId, w.TeamId, w.InvestmentCategory, w.ValueChainActivity } into g
                select new { g.Key.Year, g.Key.Month, g.Key.PersonId, g.Key.WorkItemId, g.Key.TeamId, g.Key.InvestmentCategory, g.Key.ValueChainActivity, Minutes = g.Sum() })
            .ToListAsync(ct);
        if (teamId is { } only)
        {
            var teams = await TeamsByPersonAsync(db, rows.Select(r => r.PersonId).Distinct().ToList(), ct);
            rows = rows.Where(r => LabourCost.TeamOf(teams.GetValueOrDefault(r.PersonId) ?? [], r.TeamId)?.Id == only).ToList();
        }
        return rows.Select(r => new UsageEntry(new DateOnly(r.Year, r.Month, 1), r.PersonId, r.WorkItemId, r.InvestmentCategory, r.ValueChainActivity, r.Minutes)).ToList();
    }

    /// <summary>
    /// Per month and category: minutes logged (hours basis) or distinct items worked on (count basis). For the department
    /// the database sums, so a year of logs comes back as a few dozen rows; a team needs each person's entries first.
    /// </summary>
    public static async Task<Dictionary<DateOnly, Dictionary<InvestmentCategory, long>>> AmountsAsync(
        KeelDb db, DateOnly from, DateOnly toExclusive, Guid? teamId, BalanceBasis basis, CancellationToken ct)
    {
        if (teamId is not null)
        {
            return Amounts(await LoadAsync(db, from, toExclusive, teamId, null, ct), basis);
        }
        var logged = db.Set<WorkLog>().AsNoTracking().Where(l => l.Date >= from && l.Date < toExclusive)
            .Join(db.Set<WorkItem>().AsNoTracking(), l => l.WorkItemId, w => w.Id,
                (l, w) => new { l.Date.Year, l.Date.Month, w.InvestmentCategory, l.WorkItemId, l.Minutes });
        var rows = basis == BalanceBasis.Hours
            ? await logged.GroupBy(x => new { x.Year, x.Month, x.InvestmentCategory })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.InvestmentCategory, Amount = g.Sum(x => (long)x.Minutes) }).ToListAsync(ct)
            : await logged.GroupBy(x => new { x.Year, x.Month, x.InvestmentCategory })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.InvestmentCategory, Amount = (long)g.Select(x => x.WorkItemId).Distinct().Count() }).ToListAsync(ct);
        return rows.GroupBy(r => new DateOnly(r.Year, r.Month, 1))
            .ToDictionary(p => p.Key, p => p.ToDictionary(r => r.InvestmentCategory, r => r.Amount));
    }

    /// <summary>Per month and category: minutes logged (hours basis) or distinct items worked on (count basis).</summary>
    public static Dictionary<DateOnly, Dictionary<InvestmentCategory, long>> Amounts(IEnumerable<UsageEntry> entries, BalanceBasis basis) =>
        entries.GroupBy(e => e.Period).ToDictionary(
            p => p.Key,
            p => p.GroupBy(e => e.Category).ToDictionary(
                c => c.Key,
                c => basis == BalanceBasis.Hours ? c.Sum(e => e.Minutes) : c.Select(e => e.WorkItemId).Distinct().LongCount()));

    private static async Task<Dictionary<Guid, List<LabourTeam>>> TeamsByPersonAsync(KeelDb db, List<Guid> people, CancellationToken ct)
    {
        var members = await (
                from m in db.Set<TeamMember>().AsNoTracking()
                join t in db.Set<Team>() on m.TeamId equals t.Id
                where people.Contains(m.UserId)
                select new { m.UserId, t.Id, t.Name, t.HourlyRateMinor })
            .ToListAsync(ct);
        return members.GroupBy(m => m.UserId).ToDictionary(g => g.Key, g => g.Select(m => new LabourTeam(m.Id, m.Name, m.HourlyRateMinor)).ToList());
    }
}
