namespace Keel.Web.Components.Shared.Charts;

/// <summary>
/// The value axis of a trend: the caller's bounds when given, otherwise round bounds around the data and the target.
/// Figures that never go below zero start at zero when the lowest is under half the highest, so a bar of cost is not
/// made to look like a cliff; figures that sit high and close together (an attainment of 94–98%) keep a tight axis.
/// </summary>
public sealed record ValueAxis(double Min, double Max, IReadOnlyList<double> Ticks)
{
    public static ValueAxis For(IEnumerable<decimal?> values, decimal? target, decimal? min, decimal? max, int ticks = 5)
    {
        var known = values.OfType<decimal>().Select(v => (double)v).ToList();
        if (target is { } t)
        {
            known.Add((double)t);
        }
        if (known.Count == 0)
        {
            known.Add(0);
        }
        var (low, high) = ((double?)min ?? known.Min(), (double?)max ?? known.Max());
        if (min is null && low >= 0 && low <= high * 0.5)
        {
            low = 0;
        }
        var nice = ChartMath.NiceTicks(low, high, ticks);
        // Given bounds are kept as they are; only the round ticks inside them are drawn.
        var (from, to) = (min is null ? nice.Min : low, max is null ? nice.Max : high);
        if (to <= from)
        {
            (from, to) = (nice.Min, nice.Max);
        }
        return new ValueAxis(from, to, nice.Ticks.Where(tick => tick >= from - 1e-9 && tick <= to + 1e-9).ToList());
    }

    /// <summary>Where a value sits between the drawing's <paramref name="bottom"/> and <paramref name="top"/>; outside values sit on the edge.</summary>
    public double Y(double value, double bottom, double top) => ChartMath.Linear(Math.Clamp(value, Min, Max), Min, Max, bottom, top);
}
