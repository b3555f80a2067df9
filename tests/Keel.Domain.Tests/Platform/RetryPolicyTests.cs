using FsCheck;
using FsCheck.Fluent;
using Keel.Domain.Platform.Jobs;

namespace Keel.Domain.Tests.Platform;

public sealed class RetryPolicyTests
{
    private static readonly RetryPolicy Policy = new(5, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
    private static readonly DateTime FailedAt = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DelayAfter_EachFailure_DoublesFromTheBaseDelay()
    {
        Policy.DelayAfter(1).ShouldBe(TimeSpan.FromSeconds(10));
        Policy.DelayAfter(2).ShouldBe(TimeSpan.FromSeconds(20));
        Policy.DelayAfter(3).ShouldBe(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public void DelayAfter_ManyFailures_IsCappedAtTheMaximum()
    {
        Policy.DelayAfter(4).ShouldBe(TimeSpan.FromMinutes(1)); // 80 s, capped
        Policy.DelayAfter(1000).ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void DelayAfter_AnyAttempt_NeverShrinksAndStaysWithinBaseAndMax()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.Choose(1, 10_000).ToArbitrary(), attempt =>
        {
            var delay = Policy.DelayAfter(attempt);
            return delay >= Policy.BaseDelay && delay <= Policy.MaxDelay && Policy.DelayAfter(attempt + 1) >= delay;
        }));
    }

    [Fact]
    public void AfterFailure_BeforeTheLimit_QueuesTheJobAgainAfterTheBackOff()
    {
        var decision = Policy.AfterFailure(2, FailedAt);

        decision.State.ShouldBe(JobState.Queued);
        decision.RunAt.ShouldBe(FailedAt.AddSeconds(20));
    }

    [Fact]
    public void AfterFailure_AtMaxAttempts_DeadLettersTheJob()
    {
        Policy.IsExhausted(4).ShouldBeFalse();
        Policy.IsExhausted(5).ShouldBeTrue();
        Policy.AfterFailure(5, FailedAt).ShouldBe(RetryDecision.DeadLetter);
    }

    [Fact]
    public void DelayAfter_NoAttemptMade_IsRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Policy.DelayAfter(0));
    }
}
