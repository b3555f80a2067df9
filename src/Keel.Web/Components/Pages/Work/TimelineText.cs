using System.Globalization;
using Keel.Application.Work;
using Keel.Domain.Work;
using MudBlazor;

namespace Keel.Web.Components.Pages.Work;

/// <summary>How an incident's timeline words, colours and marks its key moments.</summary>
public static class TimelineText
{
    /// <summary>"T+0 min", "T+1 h 05 min", "T+2 d 3 h": time since the incident was raised, as a bridge call counts it.</summary>
    public static string Elapsed(int minutes)
    {
        var sign = minutes < 0 ? "T\u2212" : "T+";
        var span = TimeSpan.FromMinutes(Math.Abs(minutes));
        var text = span.TotalDays >= 1
            ? $"{(int)span.TotalDays} d {span.Hours} h"
            : span.TotalHours >= 1
                ? $"{(int)span.TotalHours} h {span.Minutes.ToString("00", CultureInfo.InvariantCulture)} min"
                : $"{span.Minutes} min";
        return sign + text;
    }

    public static string Title(TimelineEntryView e) => e.Moment switch
    {
        TimelineMoment.Raised => "Incident raised",
        TimelineMoment.DeclaredMajor => "Declared a major incident",
        TimelineMoment.StoodDown => "Stood down as a major incident",
        TimelineMoment.StateChanged => $"{State(e.From)} → {State(e.To)}" + (e.Detail is { Length: > 0 } d ? $" · {WordsIfName(d)}" : ""),
        TimelineMoment.Assigned when e.Field == "team" => e.To is null ? "Team removed" : $"Given to the team {e.To}",
        TimelineMoment.Assigned => e.To is null ? "Unassigned" : $"Assigned to {e.To}",
        TimelineMoment.StakeholderUpdate => "Stakeholder update sent",
        TimelineMoment.ChildLinked => $"Child incident {e.To} raised",
        TimelineMoment.DuplicateMerged => $"Duplicate {e.From} merged in",
        TimelineMoment.PublicReply => "Public reply",
        TimelineMoment.Resolved => "Resolved" + (e.Detail is { Length: > 0 } code ? $" · {WordsIfName(code)}" : ""),
        TimelineMoment.Closed => State(e.To),
    };

    public static Color Color(TimelineMoment moment) => moment switch
    {
        TimelineMoment.DeclaredMajor => MudBlazor.Color.Error,
        TimelineMoment.StakeholderUpdate => MudBlazor.Color.Warning,
        TimelineMoment.Resolved or TimelineMoment.Closed or TimelineMoment.StoodDown => MudBlazor.Color.Success,
        TimelineMoment.PublicReply => MudBlazor.Color.Primary,
        TimelineMoment.Raised => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    public static string Icon(TimelineMoment moment) => moment switch
    {
        TimelineMoment.Raised => Icons.Material.Filled.ReportProblem,
        TimelineMoment.DeclaredMajor => Icons.Material.Filled.Warning,
        TimelineMoment.StoodDown => Icons.Material.Filled.GppGood,
        TimelineMoment.StateChanged => Icons.Material.Filled.SyncAlt,
        TimelineMoment.Assigned => Icons.Material.Filled.PersonPin,
        TimelineMoment.StakeholderUpdate => Icons.Material.Filled.Campaign,
        TimelineMoment.ChildLinked => Icons.Material.Filled.AccountTree,
        TimelineMoment.DuplicateMerged => Icons.Material.Filled.MergeType,
        TimelineMoment.PublicReply => Icons.Material.Filled.Reply,
        TimelineMoment.Resolved => Icons.Material.Filled.CheckCircle,
        TimelineMoment.Closed => Icons.Material.Filled.Lock,
    };

    private static string State(string? state) => Enum.TryParse<WorkState>(state, out var s) ? WorkText.State(s) : state ?? "—";

    private static string WordsIfName(string value) => value.All(char.IsAsciiLetter) ? WorkText.Words(value) : value;
}
