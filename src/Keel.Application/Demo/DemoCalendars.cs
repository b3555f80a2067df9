using Keel.Domain.ServiceLevels;

namespace Keel.Application.Demo;

/// <summary>
/// The demo's business calendars: the London service desk's office hours (a lunch hour, English bank holidays of the
/// years the seeded history and its near future touch) and a 24×7 calendar for the clocks that never stop.
/// </summary>
internal static class DemoCalendars
{
    public const string Office = "London office";
    public const string AroundTheClock = "Around the clock";

    /// <summary>Mon–Fri 09:00–12:30 and 13:30–17:30 in Europe/London: 450 working minutes a day.</summary>
    public static CalendarHours OfficeHours { get; } = new()
    {
        TimeZone = "Europe/London",
        Week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, IReadOnlyList<WorkingInterval> (_) => [new WorkingInterval(9 * 60, 12 * 60 + 30), new WorkingInterval(13 * 60 + 30, 17 * 60 + 30)]),
        Holidays = UkBankHolidays,
    };

    public static CalendarHours AroundTheClockHours { get; } = CalendarHours.TwentyFourSeven;

    /// <summary>England and Wales bank holidays 2025–2027 (gov.uk), substitute days where one falls on a weekend.</summary>
    private static IReadOnlyList<Holiday> UkBankHolidays =>
    [
        new(new DateOnly(2025, 1, 1), "New Year's Day"),
        new(new DateOnly(2025, 4, 18), "Good Friday"),
        new(new DateOnly(2025, 4, 21), "Easter Monday"),
        new(new DateOnly(2025, 5, 5), "Early May bank holiday"),
        new(new DateOnly(2025, 5, 26), "Spring bank holiday"),
        new(new DateOnly(2025, 8, 25), "Summer bank holiday"),
        new(new DateOnly(2025, 12, 25), "Christmas Day"),
        new(new DateOnly(2025, 12, 26), "Boxing Day"),
        new(new DateOnly(2026, 1, 1), "New Year's Day"),
        new(new DateOnly(2026, 4, 3), "Good Friday"),
        new(new DateOnly(2026, 4, 6), "Easter Monday"),
        new(new DateOnly(2026, 5, 4), "Early May bank holiday"),
        new(new DateOnly(2026, 5, 25), "Spring bank holiday"),
        new(new DateOnly(2026, 8, 31), "Summer bank holiday"),
        new(new DateOnly(2026, 12, 25), "Christmas Day"),
        new(new DateOnly(2026, 12, 28), "Boxing Day (substitute day)"),
        new(new DateOnly(2027, 1, 1), "New Year's Day"),
        new(new DateOnly(2027, 3, 26), "Good Friday"),
        new(new DateOnly(2027, 3, 29), "Easter Monday"),
        new(new DateOnly(2027, 5, 3), "Early May bank holiday"),
        new(new DateOnly(2027, 5, 31), "Spring bank holiday"),
        new(new DateOnly(2027, 8, 30), "Summer bank holiday"),
        new(new DateOnly(2027, 12, 27), "Christmas Day (substitute day)"),
        new(new DateOnly(2027, 12, 28), "Boxing Day (substitute day)"),
    ];
}
