using System.Globalization;
using System.Text;

namespace Keel.Application.Changes;

/// <summary>
/// Writes the schedule as iCalendar (RFC 5545): one VEVENT per change and per freeze opening, times in UTC, UIDs that
/// stay the same from one poll to the next, text escaped and lines folded at 75 octets.
/// </summary>
public static class ChangeCalendarIcs
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(ChangeCalendarView calendar, DateTime now)
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Keel//Change calendar//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Text("Keel change calendar"));
        foreach (var change in calendar.Changes)
        {
            var description = $"{change.State}" + (change.Conflicts.Count == 0 ? "" : "\nConflicts:\n" + string.Join("\n", change.Conflicts.Select(c => c.Message)));
            Event(ics, $"change-{change.Id:N}@keel", now, change.Start, change.End, $"{change.Number} {change.Title}", description, "CHANGE");
        }
        foreach (var freeze in calendar.Freezes)
        {
            var scope = freeze.Targets.Count == 0 ? "All services" : string.Join(", ", freeze.Targets);
            var description = string.IsNullOrWhiteSpace(freeze.Reason) ? scope : $"{freeze.Reason}\n{scope}";
            Event(ics, $"freeze-{freeze.WindowId:N}-{freeze.Start:yyyyMMddTHHmmss}@keel", now, freeze.Start, freeze.End, $"Freeze: {freeze.Name}", description, "FREEZE");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private static void Event(StringBuilder ics, string uid, DateTime now, DateTime start, DateTime end, string summary, string description, string category)
    {
        Line(ics, "BEGIN:VEVENT");
        Line(ics, "UID:" + Text(uid));
        Line(ics, "DTSTAMP:" + Utc(now));
        Line(ics, "DTSTART:" + Utc(start));
        Line(ics, "DTEND:" + Utc(end));
        Line(ics, "SUMMARY:" + Text(summary));
        Line(ics, "DESCRIPTION:" + Text(description));
        Line(ics, "CATEGORIES:" + category);
        Line(ics, "TRANSP:" + (category == "FREEZE" ? "TRANSPARENT" : "OPAQUE"));
        Line(ics, "END:VEVENT");
    }

    private static string Utc(DateTime time) =>
        DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT values escape backslashes, semicolons, commas and line breaks (RFC 5545 3.3.11).</summary>
    public static string Text(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Writes a content line, folded so that no line is longer than 75 octets of UTF-8 (never inside a character).</summary>
    private static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74; // the continuation's leading space counts
            }
            ics.Append(rune.ToString());
            octets += size;
        }
        ics.Append("\r\n");
    }
}
