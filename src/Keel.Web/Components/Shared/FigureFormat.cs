using System.Globalization;
using Keel.Domain.Value;

namespace Keel.Web.Components.Shared;

/// <summary>
/// How the UI writes a figure at a glance: money in the organization currency with k/m/bn suffixes ("€1.2m", "€18k",
/// "€950"), fractions as percentages, value-to-cost ratios. Invariant digits whatever the person's culture, like
/// <see cref="TimeFormat"/>; a figure with nothing to measure is "—", never 0.
/// </summary>
public static class FigureFormat
{
    public const string Missing = "—";

    private const string Minus = MoneyText.Minus;

    /// <summary>"€1.2m", "€18k", "€950", "−€3.4k"; an amount in major units of <paramref name="currency"/> (<see cref="MoneyText.Short"/>).</summary>
    public static string Money(decimal amount, string currency) => MoneyText.Short(amount, currency);

    public static string Money(decimal? amount, string currency) => amount is { } value ? Money(value, currency) : Missing;

    /// <summary>"950", "1.2k", "18k", "1.2m" (<see cref="MoneyText.Compact"/>).</summary>
    public static string Compact(decimal value) => MoneyText.Compact(value);

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
