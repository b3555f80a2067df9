using Keel.Domain.Platform;
using NodaTime;
using NodaTime.TimeZones;

namespace Keel.Domain.Changes;

/// <summary>
/// A window that opens every week on the given days at a wall-clock time in an IANA zone and lasts a fixed real
/// duration. Across a DST change the opening keeps its local time (so its UTC time moves by an hour); an opening
/// that falls in the spring-forward gap moves to the end of the gap.
/// </summary>
public sealed record WeeklyRecurrence
{
    public const int MaxDurationMinutes = 7 * 24 * 60;

    public List<DayOfWeek> Days { get; init; } = [];
    public TimeOnly Start { get; init; }
    public int DurationMinutes { get; init; }
    public string TimeZone { get; init; } = TimeZones.Default;

    public void Validate(FieldErrors errors)
    {
        if (Days.Count == 0)
        {
            errors.Add("weekly.days", "name at least one day of the week.");
        }
        if (DurationMinutes is < 1 or > MaxDurationMinutes)
        {
            errors.Add("weekly.durationMinutes", $"must be between 1 and {MaxDurationMinutes} (a week).");
        }
        if (!TimeZones.IsValid(TimeZone))
        {
            errors.Add("weekly.timeZone", "must be an IANA time zone such as Europe/Berlin.");
        }
    }

    public IEnumerable<TimeRange> Occurrences(DateTime from, DateTime to)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) ?? DateTimeZone.Utc;
        var duration = Duration.FromMinutes(DurationMinutes);
        var end = Instant.FromDateTimeUtc(DateTime.SpecifyKind(to, DateTimeKind.Utc));
        var begin = Instant.FromDateTimeUtc(DateTime.SpecifyKind(from, DateTimeKind.Utc));
        // An opening up to one duration (plus a day for the zone's offset) before 'from' may still be open at 'from'.
        var date = (begin - duration).InZone(zone).Date.PlusDays(-1);
        var time = LocalTime.FromHourMinuteSecondTick(Start.Hour, Start.Minute, 0, 0);
        for (; ; date = date.PlusDays(1))
        {
            var opens = zone.ResolveLocal(date + time, Resolvers.LenientResolver).ToInstant();
            if (opens >= end)
            {
                yield break;
            }
            if (!Days.Contains(date.ToDateOnly().DayOfWeek))
            {
                continue;
            }
            var closes = opens + duration;
            if (closes > begin)
            {
                yield return new TimeRange(opens.ToDateTimeUtc(), closes.ToDateTimeUtc());
            }
        }
    }
}
