using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Web.Components.Shared;

namespace Keel.Web.Components.Pages.Services;

/// <summary>
/// Between what people type on the cost forms (money in major units, shares in percent) and what the use cases take
/// (integer minor units, fractions 0–1). Input that would lose a digit is refused with a field error, never rounded.
/// </summary>
public static class PartsInput
{
    /// <summary>Fractions keep six decimals (the domain's rule), so a percentage keeps four.</summary>
    public const int PercentDecimals = 4;

    /// <summary>A trillion in major units: far above any real cost, far below what minor units in a long can hold.</summary>
    public const decimal MaxMoney = 1_000_000_000_000m;

    /// <summary>60 for a stored 0.600000: without the trailing zeros of the stored scale, so the box shows what was typed.</summary>
    public static decimal ToPercent(decimal fraction) => fraction * 100m / 1.000000000000000000000000000000000m;

    public static decimal ToFraction(decimal percent) => percent / 100m;

    public static decimal ToMajor(Money money) => money.Minor / 100m;

    public static long ToMinor(decimal major) => (long)(major * 100m);

    public static void CheckPercent(FieldErrors errors, string field, decimal? percent)
    {
        if (percent is not { } value)
        {
            errors.Add(field, "is required.");
        }
        else if (value is < 0m or > 100m)
        {
            errors.Add(field, "must be between 0 and 100 %.");
        }
        else if (decimal.Round(value, PercentDecimals) != value)
        {
            errors.Add(field, $"must have at most {PercentDecimals} decimal places.");
        }
    }

    public static void CheckMoney(FieldErrors errors, string field, decimal? major)
    {
        if (major is not { } value)
        {
            errors.Add(field, "is required.");
        }
        else if (value < 0m)
        {
            errors.Add(field, "must not be negative.");
        }
        else if (value > MaxMoney)
        {
            errors.Add(field, "is too large.");
        }
        else if (decimal.Round(value, 2) != value)
        {
            errors.Add(field, "must have at most 2 decimal places (cents).");
        }
    }

    /// <summary>The first message for a field, also for its parts ("monthly" covers "monthly.minor"), worded for the form.</summary>
    public static string? FieldError(Error? error, string field, string? label = null) =>
        error?.Fields?.Where(f => Covers(field, f.Key)).SelectMany(f => f.Value).FirstOrDefault() is { } message
            ? $"{label ?? ErrorText.Label(field)} {message}"
            : null;

    /// <summary>
    /// The error for the alert above a form: none when every field error already shows next to its field
    /// (<paramref name="shown"/>), the whole error otherwise, so that no message is lost.
    /// </summary>
    public static Error? Unplaced(Error? error, params string[] shown) =>
        error is { Fields.Count: > 0 } && error.Fields.Keys.All(key => shown.Any(field => Covers(field, key))) ? null : error;

    private static bool Covers(string field, string key) =>
        key == field
        || (key.Length > field.Length && key.StartsWith(field, StringComparison.Ordinal) && key[field.Length] is '.' or '[');
}
