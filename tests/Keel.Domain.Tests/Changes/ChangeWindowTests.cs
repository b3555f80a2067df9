using Keel.Domain.Changes;
using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Changes;

public sealed class ChangeWindowTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static WeeklyRecurrence SaturdayNight(string zone = "Europe/Berlin") =>
        new() { Days = [DayOfWeek.Saturday], Start = new TimeOnly(22, 0), DurationMinutes = 240, TimeZone = zone };

    [Fact]
    public void Occurrences_WeeklyAcrossSpringDst_KeepTheLocalTimeSoUtcMovesAnHour()
    {
        var window = new ChangeWindow { Kind = ChangeWindowKind.Maintenance, Name = "Saturday night", Weekly = SaturdayNight() };

        // Berlin moves to summer time on Sunday 29 March 2026.
        var openings = window.Occurrences(Utc(2026, 3, 20, 0), Utc(2026, 4, 6, 0)).ToList();

        openings.Select(o => o.Start).ShouldBe([Utc(2026, 3, 21, 21), Utc(2026, 3, 28, 21), Utc(2026, 4, 4, 20)]);
        // 22:00 + 4 real hours crosses the jump at 02:00 local: the 28 March opening still lasts 4 hours.
        openings.ShouldAllBe(o => o.End - o.Start == TimeSpan.FromHours(4));
    }

    [Fact]
    public void Occurrences_OpeningInTheSpringGap_MovesToTheEndOfTheGap()
    {
        var weekly = new WeeklyRecurrence { Days = [DayOfWeek.Sunday], Start = new TimeOnly(2, 30), DurationMinutes = 60, TimeZone = "Europe/Berlin" };

        var opening = weekly.Occurrences(Utc(2026, 3, 28, 0), Utc(2026, 3, 30, 0)).ShouldHaveSingleItem();

        // 02:30 does not exist that night; the window opens at 03:30 CEST (01:30 UTC).
        opening.Start.ShouldBe(Utc(2026, 3, 29, 1, 30));
    }

    [Fact]
    public void Occurrences_OpeningStillRunningAtTheRangeStart_IsIncluded()
    {
        var weekly = SaturdayNight("UTC");

        var opening = weekly.Occurrences(Utc(2026, 3, 8, 1), Utc(2026, 3, 8, 2)).ShouldHaveSingleItem();

        opening.ShouldBe(new TimeRange(Utc(2026, 3, 7, 22), Utc(2026, 3, 8, 2)));
    }

    [Fact]
    public void Validate_FreezeWithoutEndOrWeekly_NamesEachField()
    {
        var errors = new FieldErrors();
        new ChangeWindow { Kind = ChangeWindowKind.Freeze, Name = "", StartsAt = Utc(2026, 3, 1, 0), Weekly = SaturdayNight() }.Validate(errors);

        var fields = errors.ToError().Fields!;
        fields.Keys.ShouldBe(["name", "weekly"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_MaintenanceWithoutTargetsOrWithBadZone_IsRefused()
    {
        var errors = new FieldErrors();
        new ChangeWindow { Kind = ChangeWindowKind.Maintenance, Name = "Nightly", Weekly = SaturdayNight("Mars/Olympus") with { Days = [] } }.Validate(errors);

        errors.ToError().Fields!.Keys.ShouldBe(["configurationItemIds", "weekly.days", "weekly.timeZone"], ignoreOrder: true);
    }

    [Fact]
    public void Validate_EndBeforeStart_IsRefused()
    {
        var errors = new FieldErrors();
        new ChangeWindow { Kind = ChangeWindowKind.Freeze, Name = "Year end", StartsAt = Utc(2026, 3, 2, 0), EndsAt = Utc(2026, 3, 1, 0) }.Validate(errors);

        errors.ToError().Fields!.Keys.ShouldBe(["end"]);
    }
}
