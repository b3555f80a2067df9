using System.Globalization;

namespace Keel.Domain.Value;

/// <summary>
/// Amounts as a leader reads them: "€1.2m", "€18k", "€950", "−€3.4k" — precise enough to compare, short enough to
/// scan. The one writer of short amounts: the value statement and every page use it, so the sentence and the figure
/// beside it always agree. Invariant digits whatever the reader's culture.
/// </summary>
public static class MoneyText
{
    /// <summary>The minus sign (U+2212), not a hyphen: it lines up with the digits.</summary>
    public const string Minus = "\u2212";

    /// <summary>Symbols written before the amount; any other currency is written as its code ("CHF 18k").</summary>
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["GBP"] = "£", ["JPY"] = "¥", ["INR"] = "₹",
    };

    private static readonly (decimal Size, string Suffix)[] Units = [(1_000_000_000m, "bn"), (1_000_000m, "m"), (1_000m, "k")];

    /// <summary>An amount in major units of <paramref name="currency"/>, written short.</summary>
    public static string Short(decimal amount, string currency)
    {
        var sign = amount < 0 ? Minus : "";
        var prefix = Symbols.TryGetValue(currency, out var symbol) ? symbol : currency.ToUpperInvariant() + " ";
        return sign + prefix + Compact(Math.Abs(amount));
    }

    /// <summary>
    /// "950", "1.2k", "18k", "1.2m": one decimal below ten of a unit, whole units above. A value that rounds up to a
    /// thousand of a unit moves to the next one ("1m", never "1000k").
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
}
