using System.Globalization;

namespace Keel.Web.Components.Shared;

/// <summary>How the UI writes a moment: the wall-clock time in the person's zone and that zone's UTC offset.</summary>
public static class TimeFormat
{
    public const string DateTimePattern = "d MMM yyyy, HH:mm";
    public const string DatePattern = "d MMM yyyy";

    public static DateTime ToZone(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>"UTC", "UTC+1", "UTC+5:30", "UTC−3" for the zone's offset at that moment (summer time included).</summary>
    public static string Offset(DateTime utc, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }
        var sign = offset < TimeSpan.Zero ? "\u2212" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? $"UTC{sign}{abs.Hours.ToString(CultureInfo.InvariantCulture)}"
            : $"UTC{sign}{abs.Hours.ToString(CultureInfo.InvariantCulture)}:{abs.Minutes.ToString("00", CultureInfo.InvariantCulture)}";
    }

    public static string Format(DateTime utc, TimeZoneInfo zone, bool dateOnly = false) =>
        ToZone(utc, zone).ToString(dateOnly ? DatePattern : DateTimePattern, CultureInfo.InvariantCulture)
        + (dateOnly ? "" : " " + Offset(utc, zone));

    /// <summary>A wall-clock time the person entered in their zone, as the UTC instant the use cases take.</summary>
    public static DateTime FromZone(DateTime local, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    /// <summary>What an HTML date-and-time input holds.</summary>
    public const string InputPattern = "yyyy-MM-ddTHH:mm";

    /// <summary>A stored UTC time as a date-and-time input shows it, in the person's zone.</summary>
    public static string? ToInput(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value ? ToZone(value, zone).ToString(InputPattern, CultureInfo.InvariantCulture) : null;

    /// <summary>A date-and-time input's value, entered in the person's zone, as a UTC instant; null when empty or unreadable.</summary>
    public static DateTime? FromInput(string? text, TimeZoneInfo zone) =>
        DateTime.TryParseExact(text, [InputPattern, InputPattern + ":ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? FromZone(local, zone)
            : null;
}
