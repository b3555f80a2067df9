using System.Globalization;

namespace Keel.Web.Components.Shared;

/// <summary>
/// How the UI writes a figure at a glance: money in the organization currency with k/m/bn suffixes ("€1.2m", "€18k",
/// "€950"), fractions as percentages, value-to-cost ratios. Invariant digits whatever the person's culture, like
/// <see cref="TimeFormat"/>; a figure with nothing to measure is "—", never 0.
/// </summary>
public static class FigureFormat
{
    public const string Missing = "—";

    private const string Minus = "\u2212";

    /// <summary>Symbols written before the amount; any other currency is written as its code ("CHF 18k").</summary>
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥", ["INR"] = "₹",
    };

    private static readonly (decimal Size, string Suffix)[] Units = [(1_000_000_000m, "bn"), (1_000_000m, "m"), (1_000m, "k")];

    /// <summary>"€1.2m", "€18k", "€950", "−€3.4k"; an amount in major units of <paramref name="currency"/>.</summary>
    public static string Money(decimal amount, string currency)
    {
        var sign = amount < 0 ? Minus : "";
        var prefix = Symbols.TryGetValue(currency, out var symbol) ? symbol : currency.ToUpperInvariant() + " ";
        return sign + prefix + Compact(Math.Abs(amount));
    }

    public static string Money(decimal? amount, string currency) => amount is { } value ? Money(value, currency) : Missing;

    /// <summary>
    /// "950", "1.2k", "18k", "1.2m": two significant figures below ten of a unit, whole units above. A value that rounds
    /// up to a thousand of a unit moves to the next one ("1m", never "1000k").
    /// </summary>
    public static string Compact(decimal value)
    {
        var sign = value < 0 ? Minus : "";
        var abs = Math.Abs(value);
        if (abs < 1_000m)
        {
            var small = abs < 10m && abs != decimal.Truncate(abs) ? Math.Round(abs, 1, MidpointRounding.AwayFromZero) : Math.Round(abs, 0, MidpointRounding.AwayFromZero);
            if (small < 1_000m)
            {
                return sign + small.ToString("0.#", CultureInfo.InvariantCulture);
            }
        }
        for (var i = Units.Length - 1; i >= 0; i--)
        {
            var (size, suffix) = Units[i];
            var scaled = abs / size;
            var rounded = Math.Round(scaled, scaled < 10m ? 1 : 0, MidpointRounding.AwayFromZero);
            if (rounded < 1_000m || i == 0)
            {
                return sign + rounded.ToString("0.#", CultureInfo.InvariantCulture) + suffix;
            }
        }
        return sign + abs.ToString("0", CultureInfo.InvariantCulture);
    }

    /// <summary>A plain figure: up to two decimals below a thousand ("76.5", "0.25"), <see cref="Compact"/> above ("1.2k").</summary>
    public static string Number(decimal value) =>
        Math.Abs(value) < 1_000m
            ? (value < 0 ? Minus : "") + Math.Abs(value).ToString("0.##", CultureInfo.InvariantCulture)
            : Compact(value);

    /// <summary>A fraction 0–1 as "87%" (or "87.5%" with one digit); null is "—".</summary>
    public static string Percent(decimal? fraction, int digits = 0) =>
        fraction is { } value
            ? (value < 0 ? Minus : "") + Math.Round(Math.Abs(value) * 100m, digits, MidpointRounding.AwayFromZero)
                .ToString(digits == 0 ? "0" : "0." + new string('0', digits), CultureInfo.InvariantCulture) + "%"
            : Missing;

    /// <summary>A score 0–100 as a whole number ("82"); null is "—".</summary>
    public static string Score(decimal? score) =>
        score is { } value ? Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) : Missing;

    /// <summary>Value to cost as "3.2×", "0.45×", "120×": two significant figures below ten, whole numbers above; null is "—".</summary>
    public static string Ratio(decimal? ratio)
    {
        if (ratio is not { } value)
        {
            return Missing;
        }
        var abs = Math.Abs(value);
        var digits = abs >= 10m ? 0 : abs >= 1m ? 1 : 2;
        return Math.Round(value, digits, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) + "×";
    }
}
