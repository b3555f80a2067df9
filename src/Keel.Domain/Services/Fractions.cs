using Keel.Domain.Platform;

namespace Keel.Domain.Services;

/// <summary>Shares and contributions are fractions 0–1 everywhere in the API; one rule checks them.</summary>
internal static class Fractions
{
    /// <summary>Shares are stored as integer millionths, so a seventh decimal place would be lost.</summary>
    public const int MaxDecimals = 6;

    public static bool IsFraction(decimal value) => value is >= 0m and <= 1m;

    public static void Check(FieldErrors errors, string field, decimal value)
    {
        if (!IsFraction(value))
        {
            errors.Add(field, "must be a fraction between 0 and 1.");
        }
        else if (decimal.Round(value, MaxDecimals) != value)
        {
            errors.Add(field, $"must have at most {MaxDecimals} decimal places.");
        }
    }
}
