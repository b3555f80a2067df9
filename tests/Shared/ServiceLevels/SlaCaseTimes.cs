using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Keel.Tests.Shared.ServiceLevels;

/// <summary>Turns the cases' local times ("2026-11-23 09:00" in the calendar's zone) into UTC and back.</summary>
public static class SlaCaseTimes
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    public static DateTime ToUtc(string local, string timeZone)
    {
        var zone = DateTimeZoneProviders.Tzdb[timeZone];
        return zone.AtLeniently(Pattern.Parse(local).Value).ToDateTimeUtc();
    }

    public static string ToLocal(DateTime utc, string timeZone)
    {
        var zone = DateTimeZoneProviders.Tzdb[timeZone];
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime;
        return local.ToString("uuuu'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);
    }
}
