namespace Keel.Domain.Balance;

/// <summary>
/// Which debt to pay first: the most interest saved per hour of remediation. An item with unknown interest cannot be
/// ranked against the others, so it comes last (and says why) instead of pretending to cost nothing.
/// </summary>
public static class DebtPayback
{
    /// <summary>Months of interest the remediation costs; null when the interest is unknown or zero (never pays back).</summary>
    public static double? MonthsToPayBack(double remediationHours, DebtInterestFigure interest) =>
        interest.HoursPerMonth is > 0 and var hours && remediationHours > 0 ? remediationHours / hours : null;

    /// <summary>Interest per hour of remediation, the ranking key; null when the interest is unknown.</summary>
    public static double? Ratio(double remediationHours, DebtInterestFigure interest) =>
        interest.HoursPerMonth is { } hours && remediationHours > 0 ? hours / remediationHours : null;

    /// <summary>Ranks by <see cref="Ratio"/> descending, unknowns last, ties by <paramref name="tieBreak"/> ascending.</summary>
    public static IReadOnlyList<T> Rank<T>(IEnumerable<T> items, Func<T, double> remediation, Func<T, DebtInterestFigure> interest, Func<T, string> tieBreak) =>
        [.. items.Select(i => (Item: i, Ratio: Ratio(remediation(i), interest(i))))
            .OrderBy(x => x.Ratio is null)
            .ThenByDescending(x => x.Ratio ?? 0)
            .ThenBy(x => tieBreak(x.Item), StringComparer.Ordinal)
            .Select(x => x.Item)];
}
