namespace Keel.Domain.Platform.Jobs;

/// <summary>The fate of a failed attempt: queued again for a later time, or parked in the dead-letter state for an admin.</summary>
public sealed record RetryDecision(JobState State, DateTime? RunAt)
{
    public static readonly RetryDecision DeadLetter = new(JobState.DeadLetter, null);

    public static RetryDecision RetryAt(DateTime runAtUtc) => new(JobState.Queued, runAtUtc);
}
