using System.Globalization;
using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;

namespace Keel.Application.Changes;

/// <summary>A weekly recurrence as the API shows it: lower-case day names and a start time "22:00" in the zone.</summary>
public sealed record WeeklyView(IReadOnlyList<string> Days, string Start, int DurationMinutes, string TimeZone);

public sealed record ChangeWindowView(
    Guid Id, ChangeWindowKind Kind, string Name, string Reason, DateTime? Start, DateTime? End, WeeklyView? Weekly,
    IReadOnlyList<Ref> Services, IReadOnlyList<Ref> ConfigurationItems, long Version);

public sealed record WeeklyDraft(IReadOnlyList<string>? Days, string? Start, int? DurationMinutes, string? TimeZone);

/// <summary>A whole window as a caller describes it (create, or an update after the merge patch is applied).</summary>
public sealed record ChangeWindowDraft(
    ChangeWindowKind? Kind, string? Name, string? Reason, DateTime? Start, DateTime? End, WeeklyDraft? Weekly,
    IReadOnlyList<Guid>? ServiceIds, IReadOnlyList<Guid>? ConfigurationItemIds);

public static class ChangeWindowDrafts
{
    internal static void Apply(ChangeWindow window, ChangeWindowDraft draft, FieldErrors errors)
    {
        window.Name = draft.Name?.Trim() ?? "";
        window.Reason = draft.Reason?.Trim() ?? "";
        window.StartsAt = draft.Start is { } start ? AsUtc(start) : null;
        window.EndsAt = draft.End is { } end ? AsUtc(end) : null;
        window.Weekly = draft.Weekly is { } weekly ? Read(weekly, errors) : null;
        window.ServiceIds = [.. (draft.ServiceIds ?? []).Distinct()];
        window.ConfigurationItemIds = [.. (draft.ConfigurationItemIds ?? []).Distinct()];
    }

    /// <summary>Times without a zone are taken as UTC (API.md: times are ISO 8601 UTC).</summary>
    public static DateTime AsUtc(DateTime time) =>
        time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime();

    public static ChangeWindowDraft DraftOf(ChangeWindowView view) => new(
        view.Kind, view.Name, view.Reason, view.Start, view.End,
        view.Weekly is { } w ? new WeeklyDraft(w.Days, w.Start, w.DurationMinutes, w.TimeZone) : null,
        [.. view.Services.Select(s => s.Id)], [.. view.ConfigurationItems.Select(c => c.Id)]);

    internal static ChangeWindowView View(ChangeWindow w, IReadOnlyDictionary<Guid, string> names) => new(
        w.Id, w.Kind, w.Name, w.Reason, w.StartsAt, w.EndsAt,
        w.Weekly is { } weekly
            ? new WeeklyView([.. weekly.Days.Order().Select(d => d.ToString().ToLowerInvariant())], weekly.Start.ToString("HH:mm", CultureInfo.InvariantCulture), weekly.DurationMinutes, weekly.TimeZone)
            : null,
        [.. w.ServiceIds.Select(id => new Ref(id, names.GetValueOrDefault(id, "")))],
        [.. w.ConfigurationItemIds.Select(id => new Ref(id, names.GetValueOrDefault(id, "")))],
        w.Version);

    private static WeeklyRecurrence Read(WeeklyDraft draft, FieldErrors errors)
    {
        var days = new List<DayOfWeek>();
        foreach (var name in draft.Days ?? [])
        {
            if (Enum.TryParse<DayOfWeek>(name, ignoreCase: true, out var day) && !int.TryParse(name, out _))
            {
                days.Add(day);
            }
            else
            {
                errors.Add("weekly.days", $"'{name}' is not a day of the week (monday … sunday).");
            }
        }
        var start = default(TimeOnly);
        if (string.IsNullOrWhiteSpace(draft.Start) || !TimeOnly.TryParseExact(draft.Start.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            errors.Add("weekly.start", "must be a time of day like 22:00.");
        }
        return new WeeklyRecurrence
        {
            Days = [.. days.Distinct()], Start = start, DurationMinutes = draft.DurationMinutes ?? 0, TimeZone = draft.TimeZone?.Trim() ?? "",
        };
    }
}
