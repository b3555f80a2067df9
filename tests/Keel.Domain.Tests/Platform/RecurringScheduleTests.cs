using Keel.Domain.Platform.Jobs;

namespace Keel.Domain.Tests.Platform;

public sealed class RecurringScheduleTests
{
    private static readonly DateTime Monday9 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("every 30s", 30)]
    [InlineData("every 5m", 300)]
    [InlineData("EVERY 2h", 7200)]
    [InlineData("every 1d", 86400)]
    public void Parse_Interval_ReadsTheUnit(string text, int seconds)
    {
        RecurringSchedule.Parse(text).Interval.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("every")]
    [InlineData("every 0m")]
    [InlineData("every 5x")]
    [InlineData("every -5m")]
    [InlineData("daily 25:00")]
    [InlineData("weekly 02:00")]
    public void TryParse_Nonsense_IsRefused(string text)
    {
        RecurringSchedule.TryParse(text, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("every 5m")]
    [InlineData("every 90s")]
    [InlineData("daily 02:30")]
    public void ToString_ParsedSchedule_RoundTrips(string text)
    {
        RecurringSchedule.Parse(RecurringSchedule.Parse(text).ToString()).ShouldBe(RecurringSchedule.Parse(text));
    }

    [Fact]
    public void NextAfter_Interval_KeepsTheGridAndSkipsMissedOccurrences()
    {
        var schedule = RecurringSchedule.Parse("every 5m");

        schedule.NextAfter(Monday9, Monday9).ShouldBe(Monday9.AddMinutes(5));
        // The nodes were down for 17 minutes: one run now, the next on the original 5-minute grid.
        schedule.NextAfter(Monday9, Monday9.AddMinutes(17)).ShouldBe(Monday9.AddMinutes(20));
    }

    [Fact]
    public void NextAfter_Daily_IsTheNextTimeOfDayStrictlyAfterNow()
    {
        var schedule = RecurringSchedule.Parse("daily 02:30");

        schedule.FirstAfter(Monday9).ShouldBe(new DateTime(2026, 3, 3, 2, 30, 0, DateTimeKind.Utc));
        schedule.FirstAfter(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc)).ShouldBe(new DateTime(2026, 3, 2, 2, 30, 0, DateTimeKind.Utc));
        var due = new DateTime(2026, 3, 2, 2, 30, 0, DateTimeKind.Utc);
        schedule.NextAfter(due, due).ShouldBe(due.AddDays(1));
    }
}
