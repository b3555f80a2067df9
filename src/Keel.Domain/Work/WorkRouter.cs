namespace Keel.Domain.Work;

/// <summary>What routing looks at on a new item: its kind, service, category and configuration item.</summary>
public sealed record RoutingFacts(WorkKind Kind, Guid ServiceId, string? Category, Guid? ConfigurationItemId)
{
    public static RoutingFacts Of(WorkItem item) => new(item.Kind, item.ServiceId, item.Category, item.ConfigurationItemId);
}

/// <summary>Why a new item went to its team.</summary>
public enum RouteSource
{
    /// <summary>An assignment rule matched.</summary>
    Rule,

    /// <summary>No rule matched and the item already named its team (a catalogue task's template).</summary>
    ItemTeam,

    /// <summary>No rule matched an incident: the desk's default incident team.</summary>
    DefaultIncidentTeam,

    /// <summary>No rule matched: the team that delivers the service.</summary>
    ServiceTeam,

    /// <summary>No rule matched and there was no team to fall back on: the item waits unassigned.</summary>
    Nowhere,
}

/// <summary>The team a new item goes to, the rule that sent it there (if any), and how the team hands it to an agent.</summary>
public sealed record WorkRoute(AssignmentRule? Rule, Guid? TeamId, AgentStrategy Strategy, RouteSource Source);

/// <summary>
/// The routing decision, in one place for the router that assigns new work and for the admins' "test the rules" box:
/// the first matching rule wins and brings its strategy; without one, the item keeps a team it already names, an
/// incident goes to the desk's default team, anything else to the service's delivering team, and waits there for
/// someone to take it (a fallback never picks an agent).
/// </summary>
public static class WorkRouter
{
    public static WorkRoute Decide(IEnumerable<AssignmentRule> rules, RoutingFacts facts, Guid? itemTeamId, Guid? defaultIncidentTeamId, Guid? serviceTeamId)
    {
        if (AssignmentRule.FirstMatch(rules, facts) is { } rule)
        {
            return new WorkRoute(rule, rule.TeamId, rule.Strategy, RouteSource.Rule);
        }
        if (itemTeamId is { } own)
        {
            return new WorkRoute(null, own, AgentStrategy.Manual, RouteSource.ItemTeam);
        }
        if (facts.Kind == WorkKind.Incident && defaultIncidentTeamId is { } desk)
        {
            return new WorkRoute(null, desk, AgentStrategy.Manual, RouteSource.DefaultIncidentTeam);
        }
        return serviceTeamId is { } delivering
            ? new WorkRoute(null, delivering, AgentStrategy.Manual, RouteSource.ServiceTeam)
            : new WorkRoute(null, null, AgentStrategy.Manual, RouteSource.Nowhere);
    }
}
