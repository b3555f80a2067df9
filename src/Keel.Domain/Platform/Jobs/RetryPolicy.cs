namespace Keel.Domain.Platform.Jobs;

/// <summary>Exponential back-off between attempts of a failing job, capped, and a limit after which it is dead-lettered.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly RetryPolicy Default = new(5, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(30));

    /// <summary>The delay before the next attempt after <paramref name="attemptsMade"/> failed attempts.</summary>
    public TimeSpan DelayAfter(int attemptsMade)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attemptsMade, 1);
        var factor = Math.Pow(2, Math.Min(attemptsMade - 1, 30));
        var ticks = Math.Min(BaseDelay.Ticks * factor, MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public bool IsExhausted(int attemptsMade) => attemptsMade >= MaxAttempts;

    /// <summary>What becomes of a job whose attempt number <paramref name="attemptsMade"/> failed at <paramref name="failedAtUtc"/>.</summary>
    public RetryDecision AfterFailure(int attemptsMade, DateTime failedAtUtc) =>
        IsExhausted(attemptsMade)
            ? RetryDecision.DeadLetter
            : RetryDecision.RetryAt(failedAtUtc + DelayAfter(attemptsMade));
}
