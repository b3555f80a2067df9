using Keel.Domain.Platform;
using NodaTime;

namespace Keel.Domain.ServiceLevels;

/// <summary>
/// When a business calendar's clocks run: its IANA time zone, its weekly working hours (several intervals a day
/// allowed) and its holidays; or around the clock (24×7, where the zone and holidays play no part).
/// </summary>
public sealed record CalendarHours
{
    public const int MaxHolidays = 1000;

    public string TimeZone { get; init; } = "UTC";
    public bool AlwaysOpen { get; init; }

    /// <summary>Working intervals per day of the week, each day in time order.</summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Week { get; init; } =
        new Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>>();

    public IReadOnlyList<Holiday> Holidays { get; init; } = [];

    public static CalendarHours TwentyFourSeven { get; } = new() { AlwaysOpen = true };

    public IReadOnlyList<WorkingInterval> On(DayOfWeek day) => Week.TryGetValue(day, out var list) ? list : [];

    /// <summary>
    /// "N business days" means N × this many minutes: the length of the calendar's usual working day (the daily total
    /// most working weekdays share; the longer one on a tie), or 1440 around the clock.
    /// </summary>
    public int MinutesPerBusinessDay()
    {
        if (AlwaysOpen)
        {
            return WorkingInterval.MinutesPerDay;
        }
        return Enum.GetValues<DayOfWeek>()
            .Select(day => On(day).Sum(i => i.Minutes))
            .Where(total => total > 0)
            .GroupBy(total => total)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
            .Select(g => g.Key)
            .FirstOrDefault();
    }

    public void Validate(FieldErrors errors)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone ?? "") is null)
        {
            errors.Add("timeZone", $"'{TimeZone}' is not an IANA time zone (for example Europe/London).");
        }
        if (AlwaysOpen)
        {
            return;
        }
        var anyWorkingTime = false;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var intervals = On(day);
            var field = $"week.{day.ToString().ToLowerInvariant()}";
            if (intervals.Any(i => !i.IsValid))
            {
                errors.Add(field, "has an empty or reversed interval: each must start before it ends, within 00:00-24:00.");
            }
            else if (intervals.SelectMany((a, i) => intervals.Skip(i + 1), (a, b) => a.Overlaps(b)).Any(x => x))
            {
                errors.Add(field, "has overlapping intervals.");
            }
            anyWorkingTime |= intervals.Count > 0;
        }
        if (!anyWorkingTime)
        {
            errors.Add("week", "needs working hours on at least one day (or choose 24×7).");
        }
        if (Holidays.Count > MaxHolidays)
        {
            errors.Add("holidays", $"must be at most {MaxHolidays}.");
        }
        if (Holidays.GroupBy(h => h.Date).Any(g => g.Count() > 1))
        {
            errors.Add("holidays", "lists the same date twice.");
        }
        if (Holidays.Any(h => string.IsNullOrWhiteSpace(h.Name) || h.Name.Length > Holiday.NameMaxLength))
        {
            errors.Add("holidays", $"each needs a name of at most {Holiday.NameMaxLength} characters.");
        }
    }
}
