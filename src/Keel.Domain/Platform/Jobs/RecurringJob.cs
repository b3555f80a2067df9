namespace Keel.Domain.Platform.Jobs;

/// <summary>
/// A schedule that enqueues a job of <see cref="JobType"/> at each occurrence. Nodes race to advance
/// <see cref="NextRunAt"/> with a conditional update; only the winner enqueues, so each occurrence runs once.
/// </summary>
public sealed class RecurringJob
{
    public const int MaxNameLength = 100;
    public const int MaxScheduleLength = 100;

    public required string Name { get; set; }
    public required string JobType { get; set; }
    public string Payload { get; set; } = "{}";

    /// <summary>Text of a <see cref="RecurringSchedule"/>, e.g. <c>every 5m</c> or <c>daily 02:30</c>.</summary>
    public required string Schedule { get; set; }

    public DateTime NextRunAt { get; set; }
    public DateTime? LastEnqueuedAt { get; set; }
}
