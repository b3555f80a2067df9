using Keel.Domain.Work;

namespace Keel.Domain.ServiceLevels;

/// <summary>A move of the item to a state, with the hold reason when the state is OnHold.</summary>
public sealed record StateChange(DateTime At, WorkState To, HoldReason? HoldReason = null);

/// <summary>The part of an item's history that its clocks are computed from.</summary>
public sealed record ClockHistory(
    DateTime CreatedAt,
    WorkState InitialState,
    IReadOnlyList<StateChange> Changes,
    DateTime? FirstRespondedAt)
{
    /// <summary>Reads the creation and every state change from an item's history lines (in any order).</summary>
    public static ClockHistory From(IEnumerable<WorkEvent> events, DateTime? firstRespondedAt) =>
        TryFrom(events, firstRespondedAt) ?? throw new ArgumentException("The history has no creation line.", nameof(events));

    /// <summary>As <see cref="From"/>, or null when the lines hold no creation (there is no start to count from).</summary>
    public static ClockHistory? TryFrom(IEnumerable<WorkEvent> events, DateTime? firstRespondedAt)
    {
        // Lines not saved yet (id 0) came last: at the same instant they follow the saved ones.
        var ordered = events.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.e.Id == 0 ? long.MaxValue : x.e.Id).ThenBy(x => x.i)
            .Select(x => x.e).ToList();
        if (ordered.FirstOrDefault(e => e.Type == WorkEventType.Created) is not { } created)
        {
            return null;
        }
        var changes = ordered
            .Where(e => e.Type == WorkEventType.StateChanged && Enum.TryParse<WorkState>(e.To, out _))
            .Select(e => new StateChange(
                e.At,
                Enum.Parse<WorkState>(e.To!),
                e.To == nameof(WorkState.OnHold) && Enum.TryParse<HoldReason>(e.Detail, out var reason) ? reason : null))
            .ToList();
        var initial = Enum.TryParse<WorkState>(created.To, out var state) ? state : WorkState.New;
        return new ClockHistory(created.At, initial, changes, firstRespondedAt);
    }
}
