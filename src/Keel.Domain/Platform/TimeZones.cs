namespace Keel.Domain.Platform;

/// <summary>Users and calendars carry IANA time zone ids; only ids the runtime knows are accepted.</summary>
public static class TimeZones
{
    public const string Default = "UTC";

    public static bool IsValid(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId;

    /// <summary>Converts a stored UTC instant into the wall-clock time of a zone (UTC when the zone is unknown).</summary>
    public static DateTime ToLocal(DateTime utc, string? zoneId)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone)
            ? TimeZoneInfo.ConvertTimeFromUtc(instant, zone)
            : instant;
    }
}
