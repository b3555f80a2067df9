using Keel.Domain.Platform;

namespace Keel.Domain.Services;

/// <summary>Shares and contributions are fractions 0–1 everywhere in the API; one rule checks them.</summary>
internal static class Fractions
{
    public static bool IsFraction(decimal value) => value is >= 0m and <= 1m;

    public static void Check(FieldErrors errors, string field, decimal value)
    {
        if (!IsFraction(value))
        {
            errors.Add(field, "must be a fraction between 0 and 1.");
        }
    }
}
