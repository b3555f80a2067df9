namespace Keel.Domain.ServiceLevels;

/// <summary>An item's clocks in one word, worst first: what lists filter on (<c>sla=breached,soon</c>).</summary>
public enum SlaStatus
{
    Breached,

    /// <summary>A clock past its last warning threshold, not yet breached.</summary>
    Soon,
    Running,
    Paused,
    Met,
    Cancelled,
}

public static class SlaSummary
{
    /// <summary>Keeps the item's list fields (status and due time) in step with its clocks.</summary>
    public static void Apply(Work.WorkItem item, IReadOnlyCollection<ServiceLevelClock> clocks)
    {
        item.SlaStatus = StatusOf(clocks);
        item.SlaDueAt = DueOf(clocks);
    }

    /// <summary>The worst state among the clocks, or null when the item has none.</summary>
    public static SlaStatus? StatusOf(IReadOnlyCollection<ServiceLevelClock> clocks) =>
        clocks.Count == 0 ? null : clocks.Min(c => c.State switch
        {
            ClockState.Breached => SlaStatus.Breached,
            ClockState.Running when c.IsBreachingSoon => SlaStatus.Soon,
            ClockState.Running => SlaStatus.Running,
            ClockState.Paused => SlaStatus.Paused,
            ClockState.Met => SlaStatus.Met,
            _ => SlaStatus.Cancelled,
        });

    /// <summary>The soonest due time among clocks still counting (breached ones included), for "time to breach" order.</summary>
    public static DateTime? DueOf(IReadOnlyCollection<ServiceLevelClock> clocks) =>
        clocks.Where(c => c.StoppedAt is null && c.State != ClockState.Cancelled).Select(c => (DateTime?)c.DueAt).Min();
}
