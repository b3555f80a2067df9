namespace Keel.Domain.Value;

/// <summary>Monthly costs and yearly values brought to a period, in exact decimals of minor units (rounded once, by the caller).</summary>
public static class Proration
{
    public const int DaysPerYear = 365;

    /// <summary>A monthly amount over a period: each month it touches counts by the share of its days inside the period.</summary>
    public static decimal OfMonthly(long monthlyMinor, Period period) =>
        period.Months().Sum(m => monthlyMinor * (decimal)m.Days / DaysInMonth(m.From));

    /// <summary>A yearly amount over a period: by days, a year counted as <see cref="DaysPerYear"/> days.</summary>
    public static decimal OfYearly(long yearlyMinor, Period period) => yearlyMinor * (decimal)period.Days / DaysPerYear;

    /// <summary>Rounds minor units half away from zero: the one rounding rule of cost and value.</summary>
    public static long ToMinor(decimal minor) => (long)Math.Round(minor, MidpointRounding.AwayFromZero);

    private static int DaysInMonth(DateOnly day) => DateTime.DaysInMonth(day.Year, day.Month);
}
