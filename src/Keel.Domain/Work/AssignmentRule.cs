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
public sealed class AssignmentRule : IAudited, IVersioned
{
    public const int CategoryMaxLength = WorkItem.CategoryMaxLength;

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

    public bool Matches(WorkItem item) =>
        (Kind is null || Kind == item.Kind)
        && (ServiceId is null || ServiceId == item.ServiceId)
        && (ConfigurationItemId is null || ConfigurationItemId == item.ConfigurationItemId)
        && (Category is null || string.Equals(Category, item.Category, StringComparison.OrdinalIgnoreCase));

    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, 200);
        errors.Optional("category", Category, CategoryMaxLength);
        if (TeamId == Guid.Empty)
        {
            errors.Add("teamId", "is required.");
        }
        if (Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add("kind", "is not a kind of work.");
        }
        if (!Enum.IsDefined(Strategy))
        {
            errors.Add("strategy", "must be Manual, RoundRobin or LeastLoaded.");
        }
    }

    /// <summary>The rule that applies to <paramref name="item"/>, or null when none does.</summary>
    public static AssignmentRule? FirstMatch(IEnumerable<AssignmentRule> rules, WorkItem item) =>
        rules.OrderBy(r => r.Order).ThenBy(r => r.Name, StringComparer.Ordinal).FirstOrDefault(r => r.Matches(item));
}
