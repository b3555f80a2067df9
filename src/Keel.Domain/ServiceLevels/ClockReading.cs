namespace Keel.Domain.ServiceLevels;

/// <summary>A stretch of time during which a clock did not count, and why (a hold reason or the state it waited in).</summary>
public sealed record ClockPause(DateTime From, DateTime? To, string Reason);

/// <summary>
/// A clock as it stands at one instant. <see cref="DueAt"/> is when the target runs out if the clock runs on from now
/// without further pauses (or when it ran out). <see cref="NextCheckAt"/> is the next instant at which a running clock
/// passes a warning threshold or breaches, for the job that announces it.
/// </summary>
public sealed record ClockReading(
    ClockState State,
    DateTime StartedAt,
    DateTime DueAt,
    DateTime? StoppedAt,
    TimeSpan Elapsed,
    TimeSpan Remaining,
    int? Warning,
    IReadOnlyList<ClockPause> Pauses,
    DateTime? NextCheckAt)
{
    public long ElapsedMinutes => (long)Math.Floor(Elapsed.TotalMinutes);

    /// <summary>
    /// The target less the whole minutes used, so used and left add up to the target on screen; negative once breached
    /// (a clock half a minute over its target shows -1).
    /// </summary>
    public long RemainingMinutes => Remaining >= TimeSpan.Zero
        ? (long)Math.Round((Elapsed + Remaining).TotalMinutes) - ElapsedMinutes
        : -(long)Math.Ceiling(-Remaining.TotalMinutes);
}
