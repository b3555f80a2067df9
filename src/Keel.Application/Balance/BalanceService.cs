using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// The balance of capacity across Run, Debt, Grow and Transform against the leader's targets, for the department or
/// one team, month by month, with drift alerts and the work behind each figure.
/// </summary>
public sealed class BalanceService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    public const int MaxMonths = 36;
    public const int DefaultMonths = 12;

    private static readonly KeysetPager<WorkItem> Pager = new(
        w => w.Id, SortKey<WorkItem>.By("number", w => w.Number), SortKey<WorkItem>.By("updatedAt", w => w.UpdatedAt));

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/> (both included; default the last 12 up to this one).</summary>
    public async Task<Result<BalanceView>> BalanceAsync(DateOnly? from, DateOnly? to, Guid? teamId, BalanceBasis basis, CancellationToken ct)
    {
        if (!BalanceAccess.ReadsBalance(user))
        {
            return Error.Forbidden("Only the IT leader, executives, team leads and admins read the balance.");
        }
        var now = Months.Of(time.GetUtcNow().UtcDateTime);
        var last = Months.Of(to ?? now);
        var first = Months.Of(from ?? last.AddMonths(1 - DefaultMonths));
        if (first > last)
        {
            return Error.Validation("from", "must not be after to.");
        }
        if (first.AddMonths(MaxMonths) <= last)
        {
            return Error.Validation("to", $"at most {MaxMonths} months at once.");
        }
        var team = await TeamAsync(teamId, ct);
        if (teamId is not null && team is null)
        {
            return Error.Validation("teamId", "is not a team.");
        }
        var amounts = await BalanceUsage.AmountsAsync(db, first, last.AddMonths(1), teamId, basis, ct);
        var plans = await TargetsInForce.LoadAsync(db, teamId, last, ct);
        var usages = Months.Between(first, last).Select(m => new PeriodUsage(
            m, amounts.GetValueOrDefault(m) ?? [], plans.At(m)?.Shares, Complete: m < now)).ToList();
        var periods = BalanceCalculator.Balance(usages);
        var alerts = BalanceCalculator.Alerts(periods);
        var views = periods.Select(p =>
        {
            var plan = plans.At(p.Period);
            return new BalancePeriodView(
                Months.Format(p.Period), p.Complete, Amount(p.Total, basis), p.Tolerance,
                plan is null ? null : Months.Format(plan.Period), plan?.TeamId is not null ? team : null,
                p.Categories.Select(c => new BalanceCategoryView(
                    c.Category, Amount(c.Amount, basis), Round(c.ActualPercent), c.TargetPercent, Round(c.DifferencePoints), c.Drift)).ToList());
        }).ToList();
        return new BalanceView(Months.Format(first), Months.Format(last), team, basis, views,
            alerts.Select(a => new DriftAlertView(a.Category, a.Direction, Months.Format(a.Since), Months.Format(a.Through), a.Periods)).ToList());
    }

    /// <summary>The work items of one category with time logged in one month (by the team's people, when a team is chosen), cursor-paged.</summary>
    public async Task<Result<Page<BalanceWorkView>>> WorkAsync(DateOnly period, InvestmentCategory category, Guid? teamId, PageRequest page, CancellationToken ct)
    {
        if (!BalanceAccess.ReadsBalance(user))
        {
            return Error.Forbidden("Only the IT leader, executives, team leads and admins read the balance.");
        }
        var month = Months.Of(period);
        var entries = await BalanceUsage.LoadAsync(db, month, month.AddMonths(1), teamId, category, ct);
        var minutes = entries.GroupBy(e => e.WorkItemId).ToDictionary(g => g.Key, g => g.Sum(e => e.Minutes));
        var ids = minutes.Keys.ToList();
        var result = await Pager.PageAsync(db.Set<WorkItem>().AsNoTracking().Where(w => ids.Contains(w.Id)), page, ct);
        return result.IsSuccess
            ? result.Value!.Map(w => new BalanceWorkView(w.Id, w.Number, w.Title, w.Kind, w.State, w.InvestmentCategory, Hours(minutes[w.Id])))
            : result.Error!;
    }

    /// <summary>The teams to choose from on the balance page, by name (an organization has tens of teams, not thousands).</summary>
    public async Task<Result<IReadOnlyList<Ref>>> TeamsAsync(CancellationToken ct) =>
        BalanceAccess.ReadsBalance(user)
            ? await db.Set<Team>().AsNoTracking().OrderBy(t => t.Name).Select(t => new Ref(t.Id, t.Name)).Take(500).ToListAsync(ct)
            : Error.Forbidden();

    private async Task<Ref?> TeamAsync(Guid? teamId, CancellationToken ct) =>
        teamId is { } id ? await db.Set<Team>().Where(t => t.Id == id).Select(t => new Ref(t.Id, t.Name)).FirstOrDefaultAsync(ct) : null;

    private static double Amount(long amount, BalanceBasis basis) => basis == BalanceBasis.Hours ? Hours(amount) : amount;

    private static double Hours(long minutes) => Math.Round(minutes / 60.0, 2);

    private static decimal? Round(decimal? value) => value is { } v ? decimal.Round(v, 1) : null;
}
