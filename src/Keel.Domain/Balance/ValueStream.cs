using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Domain.Balance;

/// <summary>
/// A value stream (issue 8): a named, ordered list of steps that a kind of work goes through, each step a value-chain
/// activity spanning part of an item's life between two history milestones ("Onboard a new employee": submitted →
/// approved → fulfilment started → fulfilled). Its flow figures are computed from the history of the items it covers
/// (<see cref="FlowCalculator"/>), never stored.
/// </summary>
public sealed class ValueStream : IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int MinSteps = 2;
    public const int MaxSteps = 12;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>The items the stream covers: this kind of work, optionally only one service's and one catalogue item's.</summary>
    public WorkKind Kind { get; set; }

    public Guid? ServiceId { get; set; }
    public Guid? CatalogItemId { get; set; }

    public List<ValueStreamStep> Steps { get; set; } = [];

    public long Version { get; set; }

    /// <summary>
    /// Field errors (<c>steps[1].end</c>…) for a stream that cannot be measured: fewer than two steps, names not unique,
    /// a milestone its kind never reaches, a step that ends where it starts, or a creation as an end.
    /// </summary>
    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, NameMaxLength);
        errors.Optional("description", Description, DescriptionMaxLength);
        if (CatalogItemId is not null && Kind != WorkKind.Request)
        {
            errors.Add("catalogItemId", "applies only to requests.");
        }
        if (Steps.Count < MinSteps)
        {
            errors.Add("steps", $"needs at least {MinSteps} steps.");
        }
        else if (Steps.Count > MaxSteps)
        {
            errors.Add("steps", $"may have at most {MaxSteps} steps.");
        }
        var reachable = FlowMilestone.For(Kind).Select(m => m.ToString()).ToHashSet(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            var at = $"steps[{i}]";
            errors.Required($"{at}.name", step.Name, ValueStreamStep.NameMaxLength);
            if (!string.IsNullOrWhiteSpace(step.Name) && !names.Add(step.Name.Trim()))
            {
                errors.Add($"{at}.name", "is already the name of another step.");
            }
            var start = Milestone($"{at}.start", step.Start, reachable, errors);
            var end = Milestone($"{at}.end", step.End, reachable, errors);
            if (end is { IsCreation: true })
            {
                errors.Add($"{at}.end", "cannot be the creation: a step ends after the item exists.");
            }
            if (start is not null && start == end)
            {
                errors.Add($"{at}.end", "must differ from the step's start.");
            }
        }
    }

    private FlowMilestone? Milestone(string field, string? text, HashSet<string> reachable, FieldErrors errors)
    {
        if (!FlowMilestone.TryParse(text, out var milestone))
        {
            errors.Add(field, $"must be {FlowMilestone.CreatedName} or Entered:<state>.");
            return null;
        }
        if (!reachable.Contains(milestone.Value.ToString()))
        {
            errors.Add(field, $"is never reached by a {Kind.ToString().ToLowerInvariant()}.");
            return null;
        }
        return milestone;
    }

    /// <summary>The steps as the calculator reads them (only valid streams are stored).</summary>
    public IReadOnlyList<FlowStep> FlowSteps() =>
        [.. Steps.OrderBy(s => s.Position).Select(s => new FlowStep(s.Name, s.Activity, Parse(s.Start), Parse(s.End)))];

    private static FlowMilestone Parse(string text) =>
        FlowMilestone.TryParse(text, out var m) ? m.Value : throw new InvalidOperationException($"Not a milestone: {text}");
}

/// <summary>One step of a value stream, between two milestones (stored as their text: <c>Created</c>, <c>Entered:Approved</c>).</summary>
public sealed class ValueStreamStep
{
    public const int NameMaxLength = 100;

    public int Position { get; set; }
    public string Name { get; set; } = "";
    public ValueChainActivity Activity { get; set; }
    public string Start { get; set; } = "";
    public string End { get; set; } = "";
}

/// <summary>A step as the flow calculator reads it.</summary>
public sealed record FlowStep(string Name, ValueChainActivity Activity, FlowMilestone Start, FlowMilestone End);
