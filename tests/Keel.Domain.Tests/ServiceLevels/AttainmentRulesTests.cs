using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;

namespace Keel.Domain.Tests.ServiceLevels;

public sealed class AttainmentRulesTests
{
    private static readonly DateTime Due = new(2026, 3, 31, 23, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Stopped = new(2026, 4, 1, 0, 15, 0, DateTimeKind.Utc);

    [Fact]
    public void MonthOf_MetClock_IsTheMonthItStopped()
    {
        AttainmentRules.MonthOf(ClockState.Met, Stopped.AddHours(1), Stopped).ShouldBe(new DateOnly(2026, 4, 1));
    }

    [Fact]
    public void MonthOf_BreachedClock_IsTheMonthItsTargetRanOutWhetherStoppedOrStillRunning()
    {
        AttainmentRules.MonthOf(ClockState.Breached, Due, Stopped).ShouldBe(new DateOnly(2026, 3, 1));
        AttainmentRules.MonthOf(ClockState.Breached, Due, null).ShouldBe(new DateOnly(2026, 3, 1));
    }

    [Theory]
    [InlineData(ClockState.Running)]
    [InlineData(ClockState.Paused)]
    [InlineData(ClockState.Cancelled)]
    public void MonthOf_UndecidedOrCancelledClock_CountsNowhere(ClockState state)
    {
        AttainmentRules.MonthOf(state, Due, state == ClockState.Cancelled ? Stopped : null).ShouldBeNull();
    }

    [Fact]
    public void Attainment_MetOverDecided_AndNullWhenNothingWasDecided()
    {
        AttainmentRules.Attainment(2, 1).ShouldBe(0.6667);
        AttainmentRules.Attainment(0, 3).ShouldBe(0);
        AttainmentRules.Attainment(0, 0).ShouldBeNull();
    }

    [Fact]
    public void ReadRange_LeftOut_IsTheLastTwelveMonths()
    {
        var errors = new FieldErrors();

        var range = AttainmentRules.ReadRange(null, null, new DateOnly(2026, 3, 1), errors);

        range.ShouldBe((new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 1)));
        errors.Any.ShouldBeFalse();
    }

    [Theory]
    [InlineData("2023-03", "2026-02", false)]
    [InlineData("2023-03", "2026-03", true)]
    [InlineData("2026-04", "2026-03", true)]
    [InlineData("2026-3", "2026-03", true)]
    [InlineData("March", "2026-03", true)]
    public void ReadRange_AtMost36MonthsInOrder_OtherwiseAFieldError(string from, string to, bool refused)
    {
        var errors = new FieldErrors();

        AttainmentRules.ReadRange(from, to, new DateOnly(2026, 3, 1), errors);

        errors.Any.ShouldBe(refused);
    }
}
