using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Tests.Shared.ServiceLevels;

namespace Keel.Domain.Tests.ServiceLevels;

public sealed class CalendarHoursTests
{
    private static readonly CalendarHours Office = SlaCalendars.Get(SlaCalendars.Office);

    [Fact]
    public void Validate_TheOfficeCalendar_HasNoErrors()
    {
        Errors(Office).ShouldBeEmpty();
    }

    [Fact]
    public void Validate_OverlappingIntervals_AreRefusedOnTheirDay()
    {
        var hours = Office with { Week = Week(DayOfWeek.Monday, new WorkingInterval(9 * 60, 13 * 60), new WorkingInterval(12 * 60, 17 * 60)) };

        Errors(hours).ShouldContainKey("week.monday");
    }

    [Fact]
    public void Validate_AnEmptyOrReversedInterval_IsRefused()
    {
        Errors(Office with { Week = Week(DayOfWeek.Tuesday, new WorkingInterval(9 * 60, 9 * 60)) }).ShouldContainKey("week.tuesday");
        Errors(Office with { Week = Week(DayOfWeek.Tuesday, new WorkingInterval(17 * 60, 9 * 60)) }).ShouldContainKey("week.tuesday");
    }

    [Fact]
    public void Validate_NoWorkingTimeAtAll_IsRefused()
    {
        Errors(Office with { Week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>() }).ShouldContainKey("week");
    }

    [Fact]
    public void Validate_AnUnknownTimeZone_IsRefused()
    {
        Errors(Office with { TimeZone = "Europe/Atlantis" }).ShouldContainKey("timeZone");
        Errors(CalendarHours.TwentyFourSeven with { TimeZone = "Mars/Olympus" }).ShouldContainKey("timeZone");
    }

    [Fact]
    public void Validate_TheSameHolidayTwice_IsRefused()
    {
        var day = new DateOnly(2026, 12, 25);

        Errors(Office with { Holidays = [new(day, "Christmas"), new(day, "Also Christmas")] }).ShouldContainKey("holidays");
    }

    [Fact]
    public void MinutesPerBusinessDay_UsualDayLength_IgnoresAShortFriday()
    {
        var week = Enum.GetValues<DayOfWeek>().Where(d => d is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            .ToDictionary(d => d, d => (IReadOnlyList<WorkingInterval>)[new WorkingInterval(9 * 60, d == DayOfWeek.Friday ? 13 * 60 : 17 * 60)]);

        new CalendarHours { Week = week }.MinutesPerBusinessDay().ShouldBe(480);
        Office.MinutesPerBusinessDay().ShouldBe(450);
        CalendarHours.TwentyFourSeven.MinutesPerBusinessDay().ShouldBe(1440);
    }

    [Theory]
    [InlineData("09:00-12:30", 540, 750)]
    [InlineData("13:30 - 24:00", 810, 1440)]
    [InlineData("00:00-00:15", 0, 15)]
    public void Parse_ValidText_GivesMinutesAfterMidnight(string text, int start, int end)
    {
        WorkingInterval.Parse(text).ShouldBe(new WorkingInterval(start, end));
    }

    [Theory]
    [InlineData("9-17")]
    [InlineData("09:00")]
    [InlineData("24:30-25:00")]
    [InlineData("09:60-10:00")]
    [InlineData("")]
    public void Parse_Malformed_GivesNull(string text)
    {
        WorkingInterval.Parse(text).ShouldBeNull();
    }

    private static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Week(DayOfWeek day, params WorkingInterval[] intervals) =>
        new() { [day] = intervals };

    private static IReadOnlyDictionary<string, string[]> Errors(CalendarHours hours)
    {
        var errors = new FieldErrors();
        hours.Validate(errors);
        return errors.Any ? errors.ToError().Fields! : new Dictionary<string, string[]>();
    }
}
