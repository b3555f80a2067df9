using System.Globalization;

namespace Keel.Domain.ServiceLevels;

/// <summary>
/// Working time within one local day, as minutes after midnight: [<see cref="Start"/>, <see cref="End"/>).
/// <see cref="End"/> may be 1440 (midnight at the end of the day).
/// </summary>
public sealed record WorkingInterval(int Start, int End)
{
    public const int MinutesPerDay = 24 * 60;

    public int Minutes => End - Start;

    public bool IsValid => Start >= 0 && End <= MinutesPerDay && Start < End;

    public bool Overlaps(WorkingInterval other) => Start < other.End && other.Start < End;

    /// <summary>Reads "09:00-12:30" (24:00 is accepted as the end of the day).</summary>
    public static WorkingInterval? Parse(string? text)
    {
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        return parts is [var from, var to] && TryMinutes(from, out var start) && TryMinutes(to, out var end)
            ? new WorkingInterval(start, end)
            : null;
    }

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static string Format(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    private static bool TryMinutes(string text, out int minutes)
    {
        minutes = 0;
        var parts = text.Split(':');
        if (parts is not [var h, var m] || m.Length != 2
            || !int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var mins)
            || mins > 59 || hours > 24 || (hours == 24 && mins != 0))
        {
            return false;
        }
        minutes = hours * 60 + mins;
        return true;
    }
}
