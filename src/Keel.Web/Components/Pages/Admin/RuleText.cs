using Keel.Application.Work;
using Keel.Domain.Work;

namespace Keel.Web.Components.Pages.Admin;

/// <summary>Assignment rules and routing decisions in words for the admin pages.</summary>
public static class RuleText
{
    public static string Strategy(AgentStrategy strategy) => strategy switch
    {
        AgentStrategy.Manual => "Manual",
        AgentStrategy.RoundRobin => "Round robin",
        AgentStrategy.LeastLoaded => "Least loaded",
    };

    public static string StrategyMeaning(AgentStrategy strategy) => strategy switch
    {
        AgentStrategy.Manual => "waits in the team's queue until someone takes it or the lead assigns it",
        AgentStrategy.RoundRobin => "goes to the member who was given work longest ago",
        AgentStrategy.LeastLoaded => "goes to the member with the fewest open items",
    };

    public static string Kind(WorkKind? kind) => kind switch
    {
        null => "Incidents and requests",
        WorkKind.Incident => "Incidents",
        WorkKind.Request => "Requests",
        _ => kind.Value.ToString(),
    };

    /// <summary>The rule's conditions as "label: value" pairs; empty when the rule matches every incident and request.</summary>
    public static IReadOnlyList<(string Label, string Value)> Conditions(AssignmentRuleView rule) =>
    [
        .. rule.Service is { } service ? [("Service", service.Name)] : Array.Empty<(string, string)>(),
        .. rule.Category is { } category ? [("Category", category)] : Array.Empty<(string, string)>(),
        .. rule.ConfigurationItem is { } ci ? [("CI", ci.Name)] : Array.Empty<(string, string)>(),
    ];

    /// <summary>Why the tester's item lands where it does when no rule decided.</summary>
    public static string Fallback(RouteSource source) => source switch
    {
        RouteSource.Rule => "",
        RouteSource.ItemTeam => "No rule matches; the item keeps the team it names.",
        RouteSource.DefaultIncidentTeam => "No rule matches; incidents go to the default incident team (Work settings).",
        RouteSource.ServiceTeam => "No rule matches; it goes to the team that delivers the service.",
        RouteSource.Nowhere => "No rule matches and there is no team to fall back on; it waits unassigned.",
    };
}
