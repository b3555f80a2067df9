using System.Globalization;
using Keel.Application.ServiceLevels;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Keel.Web.Components.Pages.Work;
using NodaTime;

namespace Keel.Web.Components.Pages.ServiceLevels;

/// <summary>Calendars and service-level policies in words for the admin pages.</summary>
public static class SlaText
{
    public static readonly IReadOnlyList<WorkKind> SlaKinds = [WorkKind.Incident, WorkKind.Request, WorkKind.Problem, WorkKind.Change];

    /// <summary>The zones NodaTime knows, which are the ones a calendar may name.</summary>
    public static readonly Lazy<IReadOnlyList<string>> CalendarZones = new(() => [.. DateTimeZoneProviders.Tzdb.Ids.Order(StringComparer.Ordinal)]);

    private static readonly DayOfWeek[] MondayFirst =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static IReadOnlyList<DayOfWeek> Week => MondayFirst;

    /// <summary>"March 2026" for the API's "2026-03".</summary>
    public static string Month(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : month;

    public static string Key(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static string Short(DayOfWeek day) => day.ToString()[..3];

    /// <summary>"Mon–Fri 09:00–12:30, 13:30–17:00 · Sat 10:00–14:00", or "24×7".</summary>
    public static string Hours(CalendarView calendar)
    {
        if (calendar.AlwaysOpen)
        {
            return "24×7";
        }
        var runs = new List<string>();
        var i = 0;
        while (i < MondayFirst.Length)
        {
            var intervals = calendar.Week.GetValueOrDefault(Key(MondayFirst[i])) ?? [];
            var j = i;
            while (j + 1 < MondayFirst.Length && (calendar.Week.GetValueOrDefault(Key(MondayFirst[j + 1])) ?? []).SequenceEqual(intervals))
            {
                j++;
            }
            if (intervals.Count > 0)
            {
                var days = i == j ? Short(MondayFirst[i]) : $"{Short(MondayFirst[i])}–{Short(MondayFirst[j])}";
                runs.Add($"{days} {string.Join(", ", intervals.Select(Dash))}");
            }
            i = j + 1;
        }
        return runs.Count == 0 ? "No working hours" : string.Join(" · ", runs);
    }

    /// <summary>"8 h", "7 h 30 min", "45 min".</summary>
    public static string Duration(long minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => $"{m} min",
        (var h, 0) => $"{h} h",
        (var h, var m) => $"{h} h {m} min",
    };

    /// <summary>"09:00-12:30" as "09:00–12:30".</summary>
    public static string Dash(string interval) => interval.Replace('-', '–');

    public static string Agreement(Agreement agreement) => agreement == Domain.ServiceLevels.Agreement.Sla ? "SLA" : "OLA";

    public static string Unit(TargetUnit unit) => unit switch
    {
        TargetUnit.Minutes => "minutes",
        TargetUnit.Hours => "hours",
        TargetUnit.BusinessDays => "business days",
    };

    public static string Escalation(Escalation escalation) => escalation switch
    {
        Domain.ServiceLevels.Escalation.None => "None: notify the assignee and the team",
        Domain.ServiceLevels.Escalation.NotifyTeamLead => "Tell the team lead",
        Domain.ServiceLevels.Escalation.ReassignToTeam => "Reassign to another team",
    };

    /// <summary>"Incidents · Payroll · P1, P2 · Finance", or "Every incident, request, problem and change".</summary>
    public static string Conditions(PolicyView policy)
    {
        var parts = new List<string>();
        if (policy.Kinds.Count > 0)
        {
            parts.Add(string.Join(", ", policy.Kinds.Select((k, i) => i == 0 ? WorkText.Plural(k) : WorkText.Plural(k).ToLowerInvariant())));
        }
        if (policy.Service is { } service)
        {
            parts.Add(service.Name);
        }
        if (policy.Priorities.Count > 0)
        {
            parts.Add(string.Join(", ", policy.Priorities.Select(p => $"P{p.ToString(CultureInfo.InvariantCulture)}")));
        }
        if (policy.BusinessUnit is { } unit)
        {
            parts.Add(unit.Name);
        }
        if (policy.Team is { } team)
        {
            parts.Add($"tasks of {team.Name}");
        }
        if (parts.Count == 0)
        {
            return policy.Agreement == Domain.ServiceLevels.Agreement.Sla ? "Every incident, request, problem and change" : "Every task";
        }
        return string.Join(" · ", parts);
    }

    /// <summary>A UTC instant as the wall-clock time of an IANA zone NodaTime knows: "2 Mar 2026, 11:00 Europe/Berlin".</summary>
    public static string InZone(DateTime utc, string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime;
        return $"{local.ToDateTimeUnspecified().ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture)} {zone.Id}";
    }
}
