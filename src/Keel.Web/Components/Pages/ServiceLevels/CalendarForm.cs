using System.Globalization;
using Keel.Application.ServiceLevels;
using Keel.Domain.ServiceLevels;

namespace Keel.Web.Components.Pages.ServiceLevels;

/// <summary>
/// What the calendar editor holds while the admin types: intervals and holidays as text, so that what cannot be read
/// reaches the use case as typed and comes back as a field error beside the day or the holidays.
/// </summary>
public sealed class CalendarForm
{
    public sealed class Interval
    {
        public string From { get; set; } = "";
        public string To { get; set; } = "";
    }

    public sealed class HolidayRow
    {
        /// <summary>"2026-12-25", as a date input gives it.</summary>
        public string Date { get; set; } = "";
        public string Name { get; set; } = "";
    }

    public string Name { get; set; } = "";
    public string? TimeZone { get; set; }
    public bool AlwaysOpen { get; set; }
    public Dictionary<DayOfWeek, List<Interval>> Week { get; } = SlaText.Week.ToDictionary(d => d, _ => new List<Interval>());
    public List<HolidayRow> Holidays { get; } = [];

    /// <summary>A new calendar: Monday to Friday, 09:00–17:00, in the viewer's zone.</summary>
    public static CalendarForm New(string zone)
    {
        var form = new CalendarForm { TimeZone = zone };
        foreach (var day in SlaText.Week.Take(5))
        {
            form.Week[day].Add(new Interval { From = "09:00", To = "17:00" });
        }
        return form;
    }

    public static CalendarForm From(CalendarView view)
    {
        var form = new CalendarForm { Name = view.Name, TimeZone = view.TimeZone, AlwaysOpen = view.AlwaysOpen };
        foreach (var day in SlaText.Week)
        {
            foreach (var text in view.Week.GetValueOrDefault(SlaText.Key(day)) ?? [])
            {
                var parts = text.Split('-');
                form.Week[day].Add(new Interval { From = parts[0], To = parts.Length > 1 ? parts[1] : "" });
            }
        }
        form.Holidays.AddRange(view.Holidays.Select(h => new HolidayRow { Date = h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Name = h.Name }));
        return form;
    }

    /// <summary>Monday's intervals on Tuesday to Friday too (weekends are left alone).</summary>
    public void CopyMondayToWeekdays()
    {
        foreach (var day in SlaText.Week.Skip(1).Take(4))
        {
            Week[day] = [.. Week[DayOfWeek.Monday].Select(i => new Interval { From = i.From, To = i.To })];
        }
    }

    public CalendarHoursDraft Hours() => new(TimeZone, AlwaysOpen, WeekDraft(), HolidaysDraft());

    public CalendarDraft Draft() => new(Name, TimeZone, AlwaysOpen, WeekDraft(), HolidaysDraft());

    private Dictionary<string, IReadOnlyList<string>> WeekDraft() => SlaText.Week.ToDictionary(
        SlaText.Key, d => (IReadOnlyList<string>)[.. Week[d].Select(i => $"{i.From.Trim()}-{i.To.Trim()}")]);

    private List<HolidayDraft> HolidaysDraft() => [.. Holidays.Select(h => new HolidayDraft(
        DateOnly.TryParseExact(h.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null, h.Name))];
}
