using System.Globalization;
using Keel.Application.Changes;
using Keel.Domain.Changes;
using Keel.Web.Components.Shared;

namespace Keel.Web.Components.Pages.Changes;

/// <summary>How the UI names a change window, says when it is open, and links to it.</summary>
public static class WindowText
{
    public static string Href(Guid id) => $"/changes/windows/{id}";

    /// <summary>A one-off window's month in the person's zone; a weekly one recurs, so the current month shows it.</summary>
    public static string OnCalendar(ChangeWindowView window, TimeZoneInfo zone) =>
        window.Start is { } start
            ? $"/changes/calendar?date={TimeFormat.ToZone(start, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"
            : "/changes/calendar";

    public static string Kind(ChangeWindowKind kind) => kind switch
    {
        ChangeWindowKind.Freeze => "Freeze",
        ChangeWindowKind.Maintenance => "Maintenance",
    };

    /// <summary>"3 Mar 2026, 22:00 UTC+1 – 4 Mar 2026, 02:00 UTC+1", or "Sat, Sun at 22:00 for 4 h (Europe/Berlin)".</summary>
    public static string When(ChangeWindowView window, TimeZoneInfo zone)
    {
        if (window.Weekly is { } weekly)
        {
            var days = string.Join(", ", weekly.Days.Select(d => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(d[..3])));
            return $"Every {days} at {weekly.Start} for {Duration(weekly.DurationMinutes)} ({weekly.TimeZone})";
        }
        return window.Start is { } start && window.End is { } end
            ? $"{TimeFormat.Format(start, zone)} – {TimeFormat.Format(end, zone)}"
            : "";
    }

    public static string Targets(ChangeWindowView window) =>
        window.Services.Count + window.ConfigurationItems.Count == 0
            ? "All services"
            : string.Join(", ", window.Services.Concat(window.ConfigurationItems).Select(t => t.Name));

    public static string Duration(int minutes) =>
        minutes % 60 == 0 ? $"{minutes / 60} h" : minutes < 60 ? $"{minutes} min" : $"{minutes / 60} h {minutes % 60} min";
}
