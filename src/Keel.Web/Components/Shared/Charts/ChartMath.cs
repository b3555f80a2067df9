using System.Globalization;

namespace Keel.Web.Components.Shared.Charts;

/// <summary>The arithmetic every chart shares: numbers for SVG, scales, "nice" axis ticks, text that fits, month labels.</summary>
public static class ChartMath
{
    /// <summary>SVG wants invariant numbers whatever the person's culture ("12.5", never "12,5").</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The CSS class that colours a mark in a theme colour (charts.css).</summary>
    public static string ToneClass(ChartTone tone) => "keel-tone-" + tone.ToString().ToLowerInvariant();

    /// <summary>"Jan 26": the month axis' label.</summary>
    public static string Month(DateOnly month) => month.ToString("MMM yy", CultureInfo.InvariantCulture);

    /// <summary>Maps <c>[min, max]</c> onto <c>[from, to]</c> of the drawing (to may be smaller than from: SVG's y grows downwards).</summary>
    public static double Linear(double value, double min, double max, double from, double to) =>
        max <= min ? (from + to) / 2 : from + (value - min) / (max - min) * (to - from);

    /// <summary>Like <see cref="Linear"/> on the decimal logarithms; values outside <c>[min, max]</c> sit on the edge.</summary>
    public static double Log(double value, double min, double max, double from, double to) =>
        Linear(Math.Log10(Math.Clamp(value, min, max)), Math.Log10(min), Math.Log10(max), from, to);

    /// <summary>
    /// Axis bounds and ticks at a round step (1, 2, 2.5 or 5 × a power of ten) covering <c>[min, max]</c> in about
    /// <paramref name="count"/> intervals. A flat range is widened so that it still has an axis.
    /// </summary>
    public static (double Min, double Max, IReadOnlyList<double> Ticks) NiceTicks(double min, double max, int count = 5)
    {
        if (max < min)
        {
            (min, max) = (max, min);
        }
        if (max - min < 1e-9)
        {
            var pad = Math.Abs(max) < 1e-9 ? 1 : Math.Abs(max) * 0.1;
            var nonNegative = min >= 0;
            (min, max) = (min - pad, max + pad);
            if (nonNegative && min < 0)
            {
                min = 0;
            }
        }
        var step = NiceStep((max - min) / Math.Max(1, count));
        var low = Math.Floor(min / step + 1e-9) * step;
        var high = Math.Ceiling(max / step - 1e-9) * step;
        var ticks = new List<double>();
        for (var tick = low; tick <= high + step / 2; tick += step)
        {
            ticks.Add(Math.Round(tick, 10));
        }
        return (low, high, ticks);
    }

    private static double NiceStep(double rough)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>
    /// The text that fits a label; the full text is in the mark's tooltip and accessible name. Words lose their end
    /// ("Customer relation…"); a single long token loses its middle so its distinctive end stays ("payroll-ba…prod-01").
    /// </summary>
    public static string Fit(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        if (text.Contains(' ', StringComparison.Ordinal))
        {
            return string.Concat(text.AsSpan(0, length - 1).TrimEnd(), "…");
        }
        var tail = Math.Min(7, length / 2 - 1);
        return string.Concat(text.AsSpan(0, length - 1 - tail), "…", text.AsSpan(text.Length - tail));
    }

    /// <summary>A generous estimate of a label's width in a sans-serif font of <paramref name="fontSize"/> (no measuring on the server).</summary>
    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.58;

    /// <summary>
    /// Splits a caption into lines of at most <paramref name="length"/> characters at spaces (a longer word stays whole),
    /// so a quadrant's caption wraps inside its quadrant.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int length)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > length)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>
    /// An SVG path through the values in order, lifting the pen at every null, so a month without data is a gap rather
    /// than a line drawn through a made-up value. Empty when no two neighbouring values exist (lone values are dots).
    /// </summary>
    public static string Path(IReadOnlyList<decimal?> values, Func<int, double> x, Func<double, double> y)
    {
        var path = new System.Text.StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }
            var continues = i > 0 && values[i - 1] is not null;
            var leadsOn = i + 1 < values.Count && values[i + 1] is not null;
            if (!continues && !leadsOn)
            {
                continue;
            }
            path.Append(continues ? " L" : path.Length == 0 ? "M" : " M").Append(N(x(i))).Append(',').Append(N(y((double)value)));
        }
        return path.ToString();
    }
}
