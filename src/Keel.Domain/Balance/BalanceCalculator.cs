namespace Keel.Domain.Balance;

/// <summary>What was spent on each category in one month (minutes of logged time, or items worked), and the plan in force then.</summary>
public sealed record PeriodUsage(DateOnly Period, IReadOnlyDictionary<InvestmentCategory, long> Amounts, TargetShares? Target, bool Complete = true);

public enum DriftDirection
{
    Over,
    Under,
}

/// <summary>One category in one month: its actual share against its target, in percentage points.</summary>
public sealed record CategoryBalance(
    InvestmentCategory Category, long Amount, decimal? ActualPercent, decimal? TargetPercent, decimal? DifferencePoints, DriftDirection? Drift);

/// <summary>One month of the balance. Without any time (or items) or without a plan there is nothing to drift from.</summary>
public sealed record PeriodBalance(DateOnly Period, long Total, decimal? Tolerance, bool Complete, IReadOnlyList<CategoryBalance> Categories);

/// <summary>A category beyond its tolerance in the same direction for <see cref="Periods"/> consecutive months, from <see cref="Since"/> to <see cref="Through"/>.</summary>
public sealed record DriftAlert(InvestmentCategory Category, DriftDirection Direction, DateOnly Since, DateOnly Through, int Periods);

/// <summary>
/// The balance of capacity against the plan. Shares are exact decimals, so a share exactly at the tolerance is within
/// it; only beyond it (strictly) is drift. An alert needs the same category beyond tolerance in the same direction in
/// two consecutive complete months: one month off may be noise, two in a row is a trend worth a leader's attention.
/// </summary>
public static class BalanceCalculator
{
    public const int AlertAfterPeriods = 2;

    public static PeriodBalance Balance(PeriodUsage usage)
    {
        var total = Enum.GetValues<InvestmentCategory>().Sum(c => usage.Amounts.GetValueOrDefault(c));
        var categories = Enum.GetValues<InvestmentCategory>().Select(c =>
        {
            var amount = usage.Amounts.GetValueOrDefault(c);
            decimal? actual = total > 0 ? amount * 100m / total : null;
            decimal? target = usage.Target?.Of(c);
            decimal? difference = actual is { } a && target is { } t ? a - t : null;
            DriftDirection? drift = difference is { } d && Math.Abs(d) > usage.Target!.Tolerance
                ? d > 0 ? DriftDirection.Over : DriftDirection.Under
                : null;
            return new CategoryBalance(c, amount, actual, target, difference, drift);
        }).ToList();
        return new PeriodBalance(usage.Period, total, usage.Target?.Tolerance, usage.Complete, categories);
    }

    public static IReadOnlyList<PeriodBalance> Balance(IEnumerable<PeriodUsage> usages) => usages.OrderBy(u => u.Period).Select(Balance).ToList();

    /// <summary>
    /// The alerts in force over these months: each run of two or more consecutive complete months in which a category
    /// drifted the same way is one alert (a gap, a month within tolerance, a turn of direction or an incomplete month ends it).
    /// </summary>
    public static IReadOnlyList<DriftAlert> Alerts(IReadOnlyList<PeriodBalance> periods)
    {
        var alerts = new List<DriftAlert>();
        foreach (var category in Enum.GetValues<InvestmentCategory>())
        {
            (DriftDirection Direction, DateOnly Since, DateOnly Through, int Count)? run = null;
            foreach (var period in periods.Where(p => p.Complete).OrderBy(p => p.Period))
            {
                var drift = period.Categories.First(c => c.Category == category).Drift;
                if (run is { } r && (drift != r.Direction || period.Period != r.Through.AddMonths(1)))
                {
                    Close(alerts, category, r);
                    run = null;
                }
                if (drift is { } d)
                {
                    run = run is { } open ? open with { Through = period.Period, Count = open.Count + 1 } : (d, period.Period, period.Period, 1);
                }
            }
            if (run is { } last)
            {
                Close(alerts, category, last);
            }
        }
        return alerts.OrderByDescending(a => a.Through).ThenBy(a => a.Category).ToList();
    }

    private static void Close(List<DriftAlert> alerts, InvestmentCategory category, (DriftDirection Direction, DateOnly Since, DateOnly Through, int Count) run)
    {
        if (run.Count >= AlertAfterPeriods)
        {
            alerts.Add(new DriftAlert(category, run.Direction, run.Since, run.Through, run.Count));
        }
    }
}
