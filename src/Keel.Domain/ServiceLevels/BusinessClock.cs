using NodaTime;
using NodaTime.TimeZones;

namespace Keel.Domain.ServiceLevels;

/// <summary>
/// Business time on one calendar: how much working time lies between two instants, and when a given amount of
/// working time from an instant runs out. Working hours are wall-clock times in the calendar's zone; business time is
/// the real time elapsed inside them, so a working interval that spans a DST change is an hour shorter or longer.
/// </summary>
public sealed class BusinessClock
{

    // Interval bounds that fall in a DST gap move to the end of the gap; ambiguous starts take the first
    // occurrence and ambiguous ends the second, so a working interval never loses the repeated hour.
    private static readonly ZoneLocalMappingResolver StartResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);
    private static readonly ZoneLocalMappingResolver EndResolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnLater, Resolvers.ReturnStartOfIntervalAfter);

    private readonly CalendarHours _hours;
    private readonly DateTimeZone _zone;
    private readonly HashSet<LocalDate> _holidays;

    public BusinessClock(CalendarHours hours)
    {
        _hours = hours;
        _zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(hours.TimeZone) ?? DateTimeZone.Utc;
        _holidays = hours.Holidays.Select(h => LocalDate.FromDateOnly(h.Date)).ToHashSet();
        MinutesPerBusinessDay = hours.MinutesPerBusinessDay();
    }

    public int MinutesPerBusinessDay { get; }

    /// <summary>The working time in [<paramref name="from"/>, <paramref name="to"/>); zero when to is not after from.</summary>
    public TimeSpan Between(DateTime from, DateTime to)
    {
        var end = ToInstant(to);
        var total = Duration.Zero;
        foreach (var (start, stop) in SpansFrom(ToInstant(from)))
        {
            if (start >= end)
            {
                break;
            }
            total += Instant.Min(stop, end) - start;
        }
        return total.ToTimeSpan();
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of working time, counted from <paramref name="from"/>, is used up.
    /// Time that runs out exactly at the end of a working interval ends there, not at the start of the next one.
    /// </summary>
    public DateTime Add(DateTime from, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return from;
        }
        var left = Duration.FromTimeSpan(amount);
        foreach (var (start, stop) in SpansFrom(ToInstant(from)))
        {
            var length = stop - start;
            if (left <= length)
            {
                return (start + left).ToDateTimeUtc();
            }
            left -= length;
        }
        throw new InvalidOperationException("The calendar has no working time.");
    }

    /// <summary>The working spans that end after <paramref name="from"/>, clipped to start no earlier than it, in time order.</summary>
    private IEnumerable<(Instant Start, Instant Stop)> SpansFrom(Instant from)
    {
        if (_hours.AlwaysOpen)
        {
            yield return (from, Instant.MaxValue);
            yield break;
        }
        // A day's intervals lie within that local day, so starting one day early catches any span still running.
        var date = from.InZone(_zone).Date.PlusDays(-1);
        var lastStop = from;
        // Every week has working time (validation sees to it) unless holidays fill it, so a longer gap than a fortnight
        // plus every holiday means the calendar has none; Add then fails rather than loop forever.
        var idleDays = 0;
        for (; idleDays <= 14 + _holidays.Count; date = date.PlusDays(1))
        {
            idleDays++;
            if (_holidays.Contains(date))
            {
                continue;
            }
            foreach (var interval in _hours.On(date.ToDateOnly().DayOfWeek))
            {
                // Around a DST change, two intervals of a day can overlap in real time; each starts where the last stopped.
                var start = Instant.Max(At(date, interval.Start, StartResolver), lastStop);
                var stop = At(date, interval.End, EndResolver);
                if (stop > start)
                {
                    yield return (start, stop);
                    lastStop = stop;
                    idleDays = 0;
                }
            }
        }
    }

    private Instant At(LocalDate date, int minutes, ZoneLocalMappingResolver resolver) =>
        _zone.ResolveLocal(date.AtMidnight().PlusMinutes(minutes), resolver).ToInstant();

    private static Instant ToInstant(DateTime utc) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
