using System.Globalization;
using Keel.Application.Changes;
using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Web.Components.Shared;

namespace Keel.Web.Components.Pages.Changes;

/// <summary>
/// What the window form holds while a person edits it: one-off times as wall-clock text in the person's zone (the
/// inputs' format), or a weekly recurrence in its own zone; turned into the use case's draft on save.
/// </summary>
public sealed class WindowFormModel
{
    public const string InputPattern = "yyyy-MM-ddTHH:mm";

    /// <summary>Monday first, as the calendar shows the week.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public ChangeWindowKind Kind { get; set; } = ChangeWindowKind.Freeze;
    public string? Name { get; set; }
    public string? Reason { get; set; }
    public bool IsWeekly { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public IReadOnlyCollection<DayOfWeek> Days { get; set; } = [];
    public string? WeeklyStart { get; set; } = "22:00";
    public int? DurationMinutes { get; set; } = 240;
    public string? TimeZone { get; set; }
    public List<Ref> Services { get; set; } = [];
    public List<Ref> ConfigurationItems { get; set; } = [];

    /// <summary>A freeze is one-off only (the domain refuses a weekly freeze).</summary>
    public bool Recurs => Kind == ChangeWindowKind.Maintenance && IsWeekly;

    public static WindowFormModel New(TimeZoneInfo zone) => new() { TimeZone = zone.Id };

    public static WindowFormModel Of(ChangeWindowView w, TimeZoneInfo zone) => new()
    {
        Kind = w.Kind,
        Name = w.Name,
        Reason = w.Reason,
        IsWeekly = w.Weekly is not null,
        Start = Local(w.Start, zone),
        End = Local(w.End, zone),
        Days = w.Weekly is { } weekly ? [.. weekly.Days.Select(d => Enum.Parse<DayOfWeek>(d, ignoreCase: true))] : [],
        WeeklyStart = w.Weekly?.Start ?? "22:00",
        DurationMinutes = w.Weekly?.DurationMinutes ?? 240,
        TimeZone = w.Weekly?.TimeZone ?? zone.Id,
        Services = [.. w.Services],
        ConfigurationItems = [.. w.ConfigurationItems],
    };

    /// <summary>
    /// The draft to save. A time the person left unreadable becomes a field error here, before the use case would only
    /// say it is missing.
    /// </summary>
    public ChangeWindowDraft Draft(TimeZoneInfo zone, FieldErrors errors)
    {
        DateTime? start = null, end = null;
        WeeklyDraft? weekly = null;
        if (Recurs)
        {
            weekly = new WeeklyDraft([.. Week.Where(Days.Contains).Select(d => d.ToString().ToLowerInvariant())], TimeOfDay(WeeklyStart), DurationMinutes, TimeZone);
        }
        else
        {
            start = Utc(Start, zone, "start", errors);
            end = Utc(End, zone, "end", errors);
        }
        var cis = Kind == ChangeWindowKind.Maintenance ? ConfigurationItems.Select(c => c.Id).ToList() : [];
        return new ChangeWindowDraft(Kind, Name, Reason, start, end, weekly, [.. Services.Select(s => s.Id)], cis);
    }

    /// <summary>The browser's time input may send seconds ("22:00:00"); the use case takes "22:00".</summary>
    private static string? TimeOfDay(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss", "HH:mm:ss.fff"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToString("HH:mm", CultureInfo.InvariantCulture)
            : text;

    private static string? Local(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value ? TimeFormat.ToZone(value, zone).ToString(InputPattern, CultureInfo.InvariantCulture) : null;

    private static DateTime? Utc(string? text, TimeZoneInfo zone, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!DateTime.TryParseExact(text, [InputPattern, "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            errors.Add(field, "must be a date and time.");
            return null;
        }
        return DateTime.SpecifyKind(TimeFormat.FromZone(local, zone), DateTimeKind.Utc);
    }
}
