using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>How a team hands new work to one of its members.</summary>
public enum AgentStrategy
{
    /// <summary>The work waits in the team's queue until someone takes it or a lead assigns it.</summary>
    Manual,

    /// <summary>Members take turns: the one who was given work longest ago gets the next.</summary>
    RoundRobin,

    /// <summary>The member with the fewest open items gets it.</summary>
    LeastLoaded,
}

/// <summary>
/// Sends new work to a team: the first rule (by <see cref="Order"/>) whose conditions all hold wins. An empty
/// condition matches anything, so a rule with only a kind is a catch-all for that kind.
/// </summary>
/// <remarks>
/// The agent strategy sits on the rule, not on the team: the same team may hand out one stream of work round-robin
/// (say, password resets) and leave another in its queue for a specialist to take. Work that reaches a team without a
/// rule (the desk's default team, the service's team) always waits in the queue.
/// </remarks>
public sealed class AssignmentRule : IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int CategoryMaxLength = WorkItem.CategoryMaxLength;

    /// <summary>The kinds of work that are routed when they are raised; tasks take their team from the catalogue item.</summary>
    public static readonly IReadOnlyList<WorkKind> RoutedKinds = [WorkKind.Incident, WorkKind.Request];

    public Guid Id { get; set; } = Guid.NewGuid();
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public WorkKind? Kind { get; set; }
    public Guid? ServiceId { get; set; }
    public string? Category { get; set; }
    public Guid? ConfigurationItemId { get; set; }
    public Guid TeamId { get; set; }
    public AgentStrategy Strategy { get; set; } = AgentStrategy.Manual;
    public long Version { get; set; }

    public bool Matches(RoutingFacts facts) =>
        (Kind is null || Kind == facts.Kind)
        && (ServiceId is null || ServiceId == facts.ServiceId)
        && (ConfigurationItemId is null || ConfigurationItemId == facts.ConfigurationItemId)
        && (Category is null || string.Equals(Category, facts.Category?.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool Matches(WorkItem item) => Matches(RoutingFacts.Of(item));

    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, NameMaxLength);
        errors.Optional("category", Category, CategoryMaxLength);
        if (TeamId == Guid.Empty)
        {
            errors.Add("teamId", "is required.");
        }
        if (Kind is { } kind && !RoutedKinds.Contains(kind))
        {
            errors.Add("kind", "must be Incident or Request (or empty for both); other work is not routed by rules.");
        }
        if (!Enum.IsDefined(Strategy))
        {
            errors.Add("strategy", "must be Manual, RoundRobin or LeastLoaded.");
        }
    }

    /// <summary>The rule that applies, or null when none does.</summary>
    public static AssignmentRule? FirstMatch(IEnumerable<AssignmentRule> rules, RoutingFacts facts) =>
        InOrder(rules).FirstOrDefault(r => r.Matches(facts));

    public static AssignmentRule? FirstMatch(IEnumerable<AssignmentRule> rules, WorkItem item) => FirstMatch(rules, RoutingFacts.Of(item));

    /// <summary>The order in which rules are tried (and listed): by <see cref="Order"/>, ties by name so the choice is repeatable.</summary>
    public static IEnumerable<AssignmentRule> InOrder(IEnumerable<AssignmentRule> rules) =>
        rules.OrderBy(r => r.Order).ThenBy(r => r.Name, StringComparer.Ordinal);
}
