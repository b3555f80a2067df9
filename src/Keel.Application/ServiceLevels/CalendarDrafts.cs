using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;

namespace Keel.Application.ServiceLevels;

public sealed record HolidayView(DateOnly Date, string Name);

/// <summary>A calendar as the API shows it: working intervals as "09:00-12:30" per lower-case day name.</summary>
public sealed record CalendarView(
    Guid Id, string Name, string TimeZone, bool AlwaysOpen, IReadOnlyDictionary<string, IReadOnlyList<string>> Week,
    IReadOnlyList<HolidayView> Holidays, int MinutesPerBusinessDay, int Revision, long Version);

public sealed record HolidayDraft(DateOnly? Date, string? Name);

public sealed record CalendarHoursDraft(
    string? TimeZone, bool? AlwaysOpen, IReadOnlyDictionary<string, IReadOnlyList<string>>? Week, IReadOnlyList<HolidayDraft>? Holidays);

public sealed record CalendarDraft(
    string? Name, string? TimeZone, bool? AlwaysOpen, IReadOnlyDictionary<string, IReadOnlyList<string>>? Week, IReadOnlyList<HolidayDraft>? Holidays)
{
    public CalendarHoursDraft Hours => new(TimeZone, AlwaysOpen, Week, Holidays);
}

/// <summary>Reads the API's shape of working hours into <see cref="CalendarHours"/>, naming each field it cannot read.</summary>
public static class CalendarDrafts
{
    public static CalendarHours Read(CalendarHoursDraft draft, CalendarHours current, FieldErrors errors)
    {
        var week = current.Week;
        if (draft.Week is { } days)
        {
            var parsed = new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();
            foreach (var (name, intervals) in days)
            {
                if (!Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) || int.TryParse(name, out _))
                {
                    errors.Add($"week.{name}", "is not a day of the week (monday … sunday).");
                    continue;
                }
                var list = new List<WorkingInterval>();
                foreach (var text in intervals ?? [])
                {
                    if (WorkingInterval.Parse(text) is { } interval)
                    {
                        list.Add(interval);
                    }
                    else
                    {
                        errors.Add($"week.{name.ToLowerInvariant()}", $"'{text}' is not an interval like 09:00-12:30.");
                    }
                }
                parsed[day] = [.. list.OrderBy(i => i.Start)];
            }
            week = parsed;
        }
        var holidays = current.Holidays;
        if (draft.Holidays is { } given)
        {
            if (given.Any(h => h.Date is null))
            {
                errors.Add("holidays", "each needs a date.");
            }
            holidays = [.. given.Where(h => h.Date is not null).Select(h => new Holiday(h.Date!.Value, h.Name?.Trim() ?? "")).OrderBy(h => h.Date)];
        }
        return new CalendarHours
        {
            TimeZone = draft.TimeZone?.Trim() ?? current.TimeZone,
            AlwaysOpen = draft.AlwaysOpen ?? current.AlwaysOpen,
            Week = week,
            Holidays = holidays,
        };
    }

    public static CalendarView View(BusinessCalendar c) => new(
        c.Id, c.Name, c.Hours.TimeZone, c.Hours.AlwaysOpen,
        Enum.GetValues<DayOfWeek>().Where(d => c.Hours.On(d).Count > 0).ToDictionary(
            d => d.ToString().ToLowerInvariant(), d => (IReadOnlyList<string>)[.. c.Hours.On(d).Select(i => i.ToString())]),
        [.. c.Hours.Holidays.Select(h => new HolidayView(h.Date, h.Name))],
        c.Hours.MinutesPerBusinessDay(), c.Revision, c.Version);
}
