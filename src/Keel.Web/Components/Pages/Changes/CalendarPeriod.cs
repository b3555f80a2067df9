using System.Globalization;
using Keel.Application.Changes;
using Keel.Domain.Changes;
using Keel.Web.Components.Shared;

namespace Keel.Web.Components.Pages.Changes;

/// <summary>
/// The days a calendar view shows, in the person's zone: a month as whole weeks (Monday first), or one week. Each
/// day knows its UTC bounds so changes and windows land on the local days they overlap.
/// </summary>
public sealed record CalendarPeriod(bool IsWeek, DateOnly Anchor, TimeZoneInfo Zone)
{
    public DateOnly FirstDay => IsWeek ? MondayOf(Anchor) : MondayOf(new DateOnly(Anchor.Year, Anchor.Month, 1));

    public DateOnly LastDay
    {
        get
        {
            if (IsWeek)
            {
                return FirstDay.AddDays(6);
            }
            var last = new DateOnly(Anchor.Year, Anchor.Month, 1).AddMonths(1).AddDays(-1);
            return MondayOf(last).AddDays(6);
        }
    }

    public IEnumerable<DateOnly> Days
    {
        get
        {
            for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }

    public DateTime FromUtc => StartOf(FirstDay);
    public DateTime ToUtc => StartOf(LastDay.AddDays(1));

    public string Title => IsWeek
        ? $"Week of {FirstDay.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}"
        : Anchor.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public CalendarPeriod Previous => this with { Anchor = IsWeek ? Anchor.AddDays(-7) : Anchor.AddMonths(-1) };
    public CalendarPeriod Next => this with { Anchor = IsWeek ? Anchor.AddDays(7) : Anchor.AddMonths(1) };

    public bool InMonth(DateOnly day) => IsWeek || day.Month == Anchor.Month;

    public DateTime StartOf(DateOnly day) => TimeFormat.FromZone(day.ToDateTime(TimeOnly.MinValue), Zone);

    public bool Overlaps(DateOnly day, DateTime startUtc, DateTime endUtc) => startUtc < StartOf(day.AddDays(1)) && endUtc > StartOf(day);

    public IEnumerable<CalendarChange> ChangesOn(DateOnly day, IEnumerable<CalendarChange> changes) =>
        changes.Where(c => Overlaps(day, c.Start, c.End));

    public IEnumerable<WindowOpening> OpeningsOn(DateOnly day, IEnumerable<WindowOpening> openings) =>
        openings.Where(o => Overlaps(day, o.Start, o.End));

    public string Time(DateTime utc) => TimeFormat.ToZone(utc, Zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string KindLabel(ConflictKind kind) => kind switch
    {
        ConflictKind.Overlap => "Overlap",
        ConflictKind.Freeze => "Freeze",
        ConflictKind.OutsideMaintenance => "Outside maintenance",
    };

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
