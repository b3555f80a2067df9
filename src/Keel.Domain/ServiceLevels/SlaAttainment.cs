namespace Keel.Domain.ServiceLevels;

/// <summary>
/// One row of the attainment rollup: how many clocks of one service, team, priority, agreement and kind were met and
/// breached in one month (see <see cref="AttainmentRules"/> for which month a clock belongs to). Rows are derived data:
/// the rollup deletes and rewrites whole months, and nothing else writes them.
/// </summary>
public sealed class SlaAttainment
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The first day of the month (UTC) in which the clocks were decided.</summary>
    public DateOnly Month { get; set; }

    public Guid ServiceId { get; set; }

    /// <summary>The team holding the item when the rollup ran; null for items nobody's team holds.</summary>
    public Guid? TeamId { get; set; }

    public int Priority { get; set; }
    public Agreement Agreement { get; set; }
    public ClockKind Kind { get; set; }
    public int Met { get; set; }
    public int Breached { get; set; }
}
