using Keel.Domain.ServiceLevels;

namespace Keel.Application.ServiceLevels;

/// <summary>What attainment is summed by.</summary>
public enum AttainmentGrouping
{
    Month,
    Service,
    Team,
    Priority,
}

/// <summary>
/// A question about attainment: months as <c>YYYY-MM</c> (both included; default the last twelve), grouped by month,
/// service, team or priority, narrowed to one service, team, agreement (default SLA) or clock kind (default both).
/// </summary>
public sealed record AttainmentQuery(
    string? From = null, string? To = null, string? GroupBy = null, Guid? ServiceId = null, Guid? TeamId = null,
    Agreement? Agreement = null, ClockKind? Kind = null);

/// <summary>
/// What a row is about: a service or team (<c>id</c> its id), a month (<c>id</c> <c>YYYY-MM</c>) or a priority
/// (<c>id</c> "1".."4"); work held by no team has a null id.
/// </summary>
public sealed record AttainmentGroup(string? Id, string Name);

/// <summary>One group's counts; attainment is met / (met + breached), 0–1, or null when nothing was decided.</summary>
public sealed record AttainmentView(AttainmentGroup Group, int Met, int Breached, double? Attainment);

/// <summary>The months a rebuild rewrote and how many rows it wrote.</summary>
public sealed record AttainmentRebuildView(string From, string To, int Rows);
