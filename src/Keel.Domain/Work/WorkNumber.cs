using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Keel.Domain.Work;

/// <summary>Human numbers of work items: a prefix per kind and seven digits (INC0000001), counted per kind.</summary>
public static class WorkNumber
{
    public const int Digits = 7;

    public static string PrefixOf(WorkKind kind) => kind switch
    {
        WorkKind.Incident => "INC",
        WorkKind.Request => "REQ",
        WorkKind.Task => "TSK",
        WorkKind.Problem => "PRB",
        WorkKind.Change => "CHG",
    };

    /// <summary>The plural resource name of a kind in API.md and in page addresses: <c>incidents</c>, <c>requests</c>…</summary>
    public static string ResourceOf(WorkKind kind) => kind switch
    {
        WorkKind.Incident => "incidents",
        WorkKind.Request => "requests",
        WorkKind.Task => "tasks",
        WorkKind.Problem => "problems",
        WorkKind.Change => "changes",
    };

    public static string Format(WorkKind kind, long sequence) =>
        sequence is < 1 or > 9_999_999
            ? throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "A work number has seven digits.")
            : PrefixOf(kind) + sequence.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>Reads a number such as <c>inc0000042</c> (case-insensitive) into its kind and sequence.</summary>
    public static bool TryParse(string? number, out WorkKind kind, out long sequence)
    {
        kind = default;
        sequence = 0;
        if (number is not { Length: 3 + Digits } || !number.AsSpan(3).ToString().All(char.IsAsciiDigit))
        {
            return false;
        }
        foreach (var candidate in Enum.GetValues<WorkKind>())
        {
            if (number.StartsWith(PrefixOf(candidate), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                sequence = long.Parse(number.AsSpan(3), CultureInfo.InvariantCulture);
                return sequence > 0;
            }
        }
        return false;
    }

    /// <summary>The canonical (upper-case) form of <paramref name="number"/> when it is one of <paramref name="kind"/>.</summary>
    public static bool TryNormalize(string? number, WorkKind kind, [NotNullWhen(true)] out string? normalized)
    {
        normalized = TryParse(number, out var parsed, out var sequence) && parsed == kind ? Format(kind, sequence) : null;
        return normalized is not null;
    }
}
