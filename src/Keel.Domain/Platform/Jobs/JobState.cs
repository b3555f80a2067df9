namespace Keel.Domain.Platform.Jobs;

public enum JobState
{
    Queued,
    Running,
    Succeeded,

    /// <summary>Failed more often than its retry limit allows; waits for an admin to retry or discard it.</summary>
    DeadLetter,
}
