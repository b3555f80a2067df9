using System.Globalization;

namespace Keel.Domain.Value;

/// <summary>Amounts as a leader reads them: "€1.2m", "€18k", "€950" — precise enough to compare, short enough to scan.</summary>
public static class MoneyText
{
    public static string Symbol(string currency) => currency switch
    {
        "EUR" => "€",
        "GBP" => "£",
        "USD" => "$",
        "JPY" => "¥",
        "CHF" => "CHF ",
        _ => currency + " ",
    };

    public static string Short(decimal major, string currency)
    {
        var sign = major < 0 ? "-" : "";
        var value = Math.Abs(major);
        var text = value switch
        {
            >= 1_000_000_000m => Scaled(value / 1_000_000_000m, "bn"),
            >= 999_500m => Scaled(value / 1_000_000m, "m"),
            >= 999.5m => Scaled(value / 1_000m, "k"),
            _ => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture),
        };
        return sign + Symbol(currency) + text;
    }

    /// <summary>One decimal below 10 ("1.2m"), none above ("18k", "120k").</summary>
    private static string Scaled(decimal value, string suffix) =>
        (value < 9.95m ? Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture)
            : Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)) + suffix;
}
