namespace Keel.Domain.Platform;

/// <summary>
/// Putting a whole ordered list (assignment rules, service-level policies) in a new order in one save: the caller
/// names every item once, first tried first, so two edits can never leave two items in the same place.
/// </summary>
public static class Reordering
{
    /// <param name="ids">The items' ids in their new order.</param>
    /// <param name="noun">What the items are, for the messages ("rule").</param>
    /// <param name="errors">Where a missing or repeated id is reported, under <c>ids</c>.</param>
    public static void Validate(IReadOnlyList<Guid>? ids, string noun, FieldErrors errors)
    {
        if (ids is null || ids.Count == 0)
        {
            errors.Add("ids", $"is required: every {noun}'s id, in the order they are tried.");
        }
        else if (ids.Distinct().Count() != ids.Count)
        {
            errors.Add("ids", $"names a {noun} more than once.");
        }
    }

    /// <summary>
    /// The new order of each item (<paramref name="step"/>, 2 × step, …), or null when the list is stale: it does not
    /// name exactly the items there are (one was added or deleted since it was read).
    /// </summary>
    public static IReadOnlyDictionary<Guid, int>? Positions(IReadOnlyList<Guid> ids, IReadOnlyCollection<Guid> current, int step = 1)
    {
        if (current.Count != ids.Count || !current.All(ids.Contains))
        {
            return null;
        }
        return ids.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => (p.index + 1) * step);
    }
}
