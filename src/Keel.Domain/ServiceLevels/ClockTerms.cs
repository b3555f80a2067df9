using System.Text.Json.Serialization;
using Keel.Domain.Work;

namespace Keel.Domain.ServiceLevels;

public enum ClockKind
{
    /// <summary>Stops at the first move to InProgress or the first public reply by someone working the item.</summary>
    Response,

    /// <summary>Stops when the item reaches a stop state (resolved, fulfilled...) and resumes if it is reopened.</summary>
    Resolution,
}

public enum ClockState
{
    Running,
    Paused,
    Met,
    Breached,
    Cancelled,
}

/// <summary>
/// What one clock measures, taken from the policy that matched the item: the target in business minutes, the warning
/// thresholds in percent of it, and the states and hold reasons that pause or stop it.
/// </summary>
public sealed record ClockTerms(
    string Name,
    ClockKind Kind,
    int TargetMinutes,
    IReadOnlyList<int> WarningPercents,
    IReadOnlyCollection<HoldReason> PauseReasons,
    IReadOnlyCollection<WorkState> PauseStates,
    IReadOnlyCollection<WorkState> StopStates)
{
    [JsonIgnore]
    public TimeSpan Target => TimeSpan.FromMinutes(TargetMinutes);
}
