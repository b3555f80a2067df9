namespace Keel.Web.Components.Shared.Charts;

/// <summary>The theme colour a mark is drawn in (MudBlazor's palette, so it follows the light and dark themes).</summary>
public enum ChartTone
{
    Primary,
    Secondary,
    Tertiary,
    Info,
    Success,
    Warning,
    Error,
    Neutral,
}

/// <summary>
/// One service on the value/experience quadrant. <paramref name="Score"/> is the experience score 0–100 (x);
/// <paramref name="ValueToCost"/> the value enabled per unit of cost (y, on a log scale). A point missing either is not
/// drawn but listed below the chart. <paramref name="Size"/> (any non-negative measure, e.g. cost) scales the dot's area
/// relative to the largest; <paramref name="Tone"/> null colours the dot by its quadrant. <paramref name="Detail"/> is
/// added to the point's tooltip and accessible name ("€18k a month").
/// </summary>
public sealed record QuadrantPoint(
    string Label, decimal? Score, decimal? ValueToCost, string? Href = null, decimal? Size = null, ChartTone? Tone = null,
    string? Detail = null);

/// <summary>One line on a <see cref="TrendChart"/>: a value per month of the chart's months (null leaves a gap).</summary>
public sealed record TrendSeries(string Name, IReadOnlyList<decimal?> Values, ChartTone Tone = ChartTone.Primary);

/// <summary>One row of a <see cref="BarList"/>: the bar's length is <paramref name="Value"/>, the figure shown is <paramref name="Text"/>.</summary>
public sealed record BarItem(string Label, decimal Value, string Text, string? Href = null, ChartTone Tone = ChartTone.Primary);
