using System.Diagnostics.CodeAnalysis;
using Keel.Domain.Work;

namespace Keel.Domain.Balance;

/// <summary>
/// A point in a work item's history that a value-stream step starts or ends at: its creation (<c>Created</c>) or a move
/// into a state (<c>Entered:InProgress</c>). These are what the history (<see cref="WorkEvent"/>) records, so every
/// milestone can be found again in any item's past. "Resolved" is simply <c>Entered:Resolved</c>.
/// </summary>
public readonly record struct FlowMilestone(WorkState? Entered)
{
    public const string CreatedName = "Created";
    private const string EnteredPrefix = "Entered:";

    public static FlowMilestone Created => new(null);

    public static FlowMilestone Enter(WorkState state) => new(state);

    public bool IsCreation => Entered is null;

    public override string ToString() => Entered is { } state ? EnteredPrefix + state : CreatedName;

    public static bool TryParse(string? text, [NotNullWhen(true)] out FlowMilestone? milestone)
    {
        milestone = null;
        var value = text?.Trim();
        if (string.Equals(value, CreatedName, StringComparison.OrdinalIgnoreCase))
        {
            milestone = Created;
        }
        else if (value is not null && value.StartsWith(EnteredPrefix, StringComparison.OrdinalIgnoreCase)
                 && Enum.TryParse<WorkState>(value[EnteredPrefix.Length..], ignoreCase: true, out var state)
                 && Enum.IsDefined(state))
        {
            milestone = Enter(state);
        }
        return milestone is not null;
    }

    /// <summary>Whether an item's history line marks this milestone.</summary>
    public bool IsMarkedBy(FlowEvent e) => IsCreation ? e.IsCreation : e.Entered == Entered;

    /// <summary>Every milestone an item of <paramref name="kind"/> can reach: its creation and each state of its workflow.</summary>
    public static IReadOnlyList<FlowMilestone> For(WorkKind kind) =>
        [Created, .. Enum.GetValues<WorkState>().Where(Workflows.For(kind).Uses).Select(Enter)];
}

/// <summary>
/// The part of one history line the flow calculator needs: when, and which state the item entered (a creation enters
/// the kind's first state, so it marks both <c>Created</c> and <c>Entered:&lt;first state&gt;</c>).
/// </summary>
public readonly record struct FlowEvent(DateTime At, WorkState Entered, bool IsCreation = false)
{
    public static FlowEvent Creation(DateTime at, WorkState initial) => new(at, initial, IsCreation: true);

    public static FlowEvent Move(DateTime at, WorkState to) => new(at, to);
}
