using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>
/// Priority from impact × urgency (each 1 = high … 3 = low), as a 3 × 3 table of priorities 1 (critical) … 4 (low).
/// <see cref="Cells"/> is row-major: <c>Cells[(impact - 1) * 3 + (urgency - 1)]</c>.
/// </summary>
public sealed record PriorityMatrix(IReadOnlyList<int> Cells)
{
    public const int Levels = 3;
    public const int HighestPriority = 1;
    public const int LowestPriority = 4;

    /// <summary>API.md's default: impact 1 and urgency 1 → 1, a sum of 3 → 2, a sum of 4 → 3, anything else → 4.</summary>
    public static PriorityMatrix Default { get; } = new(
        Enumerable.Range(0, Levels * Levels).Select(i => ((i / Levels + 1) + (i % Levels + 1)) switch
        {
            2 => 1,
            3 => 2,
            4 => 3,
            _ => 4,
        }).ToArray());

    public int PriorityOf(int impact, int urgency) =>
        IsLevel(impact) && IsLevel(urgency)
            ? Cells[(impact - 1) * Levels + (urgency - 1)]
            : throw new ArgumentOutOfRangeException(nameof(impact), "Impact and urgency are 1, 2 or 3.");

    public static bool IsLevel(int value) => value is >= 1 and <= Levels;

    /// <summary>
    /// Nine cells of 1–4, and never a lower priority for a higher impact or urgency: a matrix in which a worse
    /// situation ranks below a milder one would send the wrong incident to the front of the queue.
    /// Errors go to <paramref name="field"/> (the API's name for the matrix where it is part of a larger record).
    /// </summary>
    public void Validate(FieldErrors errors, string field = "cells")
    {
        if (Cells is null || Cells.Count != Levels * Levels)
        {
            errors.Add(field, $"must hold {Levels * Levels} priorities (impact rows × urgency columns).");
            return;
        }
        if (Cells.Any(c => c is < HighestPriority or > LowestPriority))
        {
            errors.Add(field, $"must each be between {HighestPriority} and {LowestPriority}.");
            return;
        }
        for (var impact = 1; impact <= Levels; impact++)
        {
            for (var urgency = 1; urgency <= Levels; urgency++)
            {
                var here = PriorityOf(impact, urgency);
                if ((impact > 1 && PriorityOf(impact - 1, urgency) > here) || (urgency > 1 && PriorityOf(impact, urgency - 1) > here))
                {
                    errors.Add(field, $"impact {impact} × urgency {urgency} ranks above a higher impact or urgency.");
                    return;
                }
            }
        }
    }
}
