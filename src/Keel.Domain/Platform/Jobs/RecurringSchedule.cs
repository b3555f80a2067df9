using System.Globalization;

namespace Keel.Domain.Platform.Jobs;

/// <summary>
/// A deliberately small schedule language, enough for platform sweeps and reports:
/// <c>every 30s</c>, <c>every 5m</c>, <c>every 2h</c>, <c>every 1d</c> (a fixed interval), or <c>daily 02:30</c> (UTC).
/// </summary>
public sealed record RecurringSchedule
{
    private RecurringSchedule(TimeSpan? interval, TimeOnly? dailyAt)
    {
        Interval = interval;
        DailyAt = dailyAt;
    }

    public TimeSpan? Interval { get; }
    public TimeOnly? DailyAt { get; }

    public static RecurringSchedule Every(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.FromSeconds(1));
        if (interval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentException("A schedule's interval is a whole number of seconds.", nameof(interval));
        }
        return new(interval, null);
    }

    public static RecurringSchedule Daily(TimeOnly atUtc) => new(null, atUtc);

    public static RecurringSchedule Parse(string text) =>
        TryParse(text, out var schedule)
            ? schedule
            : throw new FormatException($"'{text}' is not a schedule; write e.g. 'every 5m' or 'daily 02:30'.");

    public static bool TryParse(string? text, out RecurringSchedule schedule)
    {
        schedule = null!;
        var parts = (text ?? "").Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return false;
        }
        if (parts[0].Equals("every", StringComparison.OrdinalIgnoreCase) && TryParseInterval(parts[1], out var interval))
        {
            schedule = new(interval, null);
            return true;
        }
        if (parts[0].Equals("daily", StringComparison.OrdinalIgnoreCase)
            && TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            schedule = new(null, at);
            return true;
        }
        return false;
    }

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, for a schedule that has not run yet.</summary>
    public DateTime FirstAfter(DateTime afterUtc) =>
        Interval is { } interval ? afterUtc + interval : NextDaily(afterUtc);

    /// <summary>
    /// The occurrence after <paramref name="dueUtc"/> that is still ahead of <paramref name="nowUtc"/>. Occurrences missed
    /// while no node ran are skipped rather than replayed; interval schedules keep their original grid.
    /// </summary>
    public DateTime NextAfter(DateTime dueUtc, DateTime nowUtc)
    {
        if (Interval is { } interval)
        {
            var behind = nowUtc < dueUtc ? 0 : (nowUtc - dueUtc).Ticks / interval.Ticks;
            return dueUtc + (interval * (behind + 1));
        }
        return NextDaily(nowUtc > dueUtc ? nowUtc : dueUtc);
    }

    public override string ToString() =>
        Interval is { } interval ? $"every {FormatInterval(interval)}" : $"daily {DailyAt!.Value:HH\\:mm}";

    private DateTime NextDaily(DateTime afterUtc)
    {
        var today = DateTime.SpecifyKind(afterUtc.Date + DailyAt!.Value.ToTimeSpan(), DateTimeKind.Utc);
        return today > afterUtc ? today : today.AddDays(1);
    }

    private static bool TryParseInterval(string text, out TimeSpan interval)
    {
        interval = default;
        if (text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return false;
        }
        interval = char.ToLowerInvariant(text[^1]) switch
        {
            's' => TimeSpan.FromSeconds(count),
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            'd' => TimeSpan.FromDays(count),
            _ => default,
        };
        return interval > TimeSpan.Zero;
    }

    private static string FormatInterval(TimeSpan interval) => interval switch
    {
        _ when interval.Ticks % TimeSpan.TicksPerDay == 0 => $"{interval.Ticks / TimeSpan.TicksPerDay}d",
        _ when interval.Ticks % TimeSpan.TicksPerHour == 0 => $"{interval.Ticks / TimeSpan.TicksPerHour}h",
        _ when interval.Ticks % TimeSpan.TicksPerMinute == 0 => $"{interval.Ticks / TimeSpan.TicksPerMinute}m",
        _ => $"{interval.Ticks / TimeSpan.TicksPerSecond}s",
    };
}
