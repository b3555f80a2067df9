using System.Globalization;

namespace Keel.Domain.Balance;

/// <summary>Human numbers of debt items: TD and at least four digits (TD0001), counted across the register.</summary>
public static class TechDebtNumber
{
    public const string Prefix = "TD";

    /// <summary>The row of the work counters that numbers debt items.</summary>
    public const string Counter = "TechDebt";

    public static string Format(int sequence) =>
        sequence < 1
            ? throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "A debt number counts from 1.")
            : Prefix + sequence.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>td0042</c> (case-insensitive) into its sequence.</summary>
    public static bool TryParse(string? number, out int sequence)
    {
        sequence = 0;
        return number is { Length: > 2 } && number.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && number.AsSpan(2).ToString().All(char.IsAsciiDigit)
            && int.TryParse(number.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence > 0;
    }
}
