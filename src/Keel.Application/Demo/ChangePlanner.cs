using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>One change to raise: what it is, who raises and implements it, when, and (for the demo's showcases) where its life stops.</summary>
internal sealed class ChangePlan
{
    public required Guid Id { get; init; }
    public required ChangeType Type { get; init; }
    public required Service Service { get; init; }
    public ChangeTemplate? Template { get; init; }
    public required string Title { get; init; }
    public required string Reason { get; init; }
    public required string ImplementationPlan { get; init; }
    public required string BackoutPlan { get; init; }
    public required string TestPlan { get; init; }
    public required IReadOnlyList<ConfigurationItem> Cis { get; init; }
    public required KeelUser Requester { get; init; }
    public required KeelUser Assignee { get; init; }
    public required Dictionary<string, string> Answers { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime PlannedStart { get; set; }
    public TimeSpan Duration { get; set; }
    public List<ChangeTarget> Targets { get; } = [];

    /// <summary>Showcases move along in hours instead of days, so they reach their state by now.</summary>
    public bool Quick { get; init; }

    /// <summary>The state a showcase stays in (Draft, Assess, Authorize); null: it lives up to now.</summary>
    public WorkState? Hold { get; init; }

    public string? FreezeOverride { get; set; }

    public IEnumerable<Guid> TargetIds => Targets.Select(t => t.ConfigurationItemId ?? t.ServiceId!.Value);
    public IEnumerable<Guid> ServiceIds => Targets.Where(t => t.ServiceId is not null).Select(t => t.ServiceId!.Value);
    public IEnumerable<Guid> CiIds => Targets.Where(t => t.ConfigurationItemId is not null).Select(t => t.ConfigurationItemId!.Value);
}

/// <summary>
/// Finds each change a time the way a change manager would: standard changes in working hours or the evening, normal
/// ones in the evening, changes on a CI with a weekly maintenance window inside it, nothing but emergencies in a freeze,
/// and never two changes on one CI or service at once (the calendar's deliberate conflicts are placed on purpose).
/// </summary>
internal sealed class ChangePlanner(IReadOnlyList<ChangeWindow> windows, DemoRandom random)
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly Dictionary<Guid, List<TimeRange>> busy = [];

    /// <summary>Gives the plan its planned start at or after <paramref name="earliest"/> and books its targets.</summary>
    public void Schedule(ChangePlan plan, DateTime earliest, bool outOfHours)
    {
        var maintenance = windows.Where(w => w.Kind == ChangeWindowKind.Maintenance && plan.CiIds.Any(w.ConfigurationItemIds.Contains)).ToList();
        if (maintenance.Count > 0)
        {
            var longest = maintenance.Min(w => w.Weekly!.DurationMinutes) - 15;
            plan.Duration = TimeSpan.FromMinutes(Math.Min(plan.Duration.TotalMinutes, longest));
        }
        var from = earliest;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var start = plan.Type == ChangeType.Emergency ? RoundUp(from)
                : maintenance.Count > 0 ? InWindow(maintenance[0], from, plan.Duration)
                : AtLocalHour(from, outOfHours);
            var range = new TimeRange(start, start + plan.Duration);
            var frozen = plan.Type != ChangeType.Emergency && Frozen(plan, range) is not null;
            if (!frozen && plan.TargetIds.All(id => !busy.TryGetValue(id, out var taken) || !taken.Any(t => t.Overlaps(range))))
            {
                plan.PlannedStart = start;
                if (plan.Type == ChangeType.Emergency && Frozen(plan, range) is { } over)
                {
                    plan.FreezeOverride = $"Emergency change: it cannot wait until '{over.Name}' ends.";
                }
                Book(plan);
                return;
            }
            from = Frozen(plan, range) is { EndsAt: { } thaw } && thaw > start ? thaw : start.AddDays(1).Date;
        }
        plan.PlannedStart = RoundUp(from);
        Book(plan);
    }

    /// <summary>Books a showcase at exactly its given time (a deliberate conflict stays one).</summary>
    public void Book(ChangePlan plan)
    {
        var range = new TimeRange(plan.PlannedStart, plan.PlannedStart + plan.Duration);
        foreach (var id in plan.TargetIds)
        {
            if (!busy.TryGetValue(id, out var taken))
            {
                busy[id] = taken = [];
            }
            taken.Add(range);
        }
    }

    public ChangeWindow? Frozen(ChangePlan plan, TimeRange range) =>
        windows.FirstOrDefault(w => w.Kind == ChangeWindowKind.Freeze && w.Concerns(plan.ServiceIds, []) && w.Occurrences(range.Start, range.End).Any());

    /// <summary>A wall-clock time in Berlin, <paramref name="days"/> from the day of <paramref name="at"/>.</summary>
    public static DateTime Local(DateTime at, int days, double hour) =>
        HistoryWorld.ToUtc(TimeZoneInfo.ConvertTimeFromUtc(at, Berlin).Date.AddDays(days).AddHours(hour), Berlin);

    private DateTime InWindow(ChangeWindow window, DateTime from, TimeSpan duration)
    {
        var opening = window.Occurrences(from, from.AddDays(15)).First(o => o.Start >= from);
        var slack = (int)((opening.End - opening.Start - duration).TotalMinutes / 15);
        return opening.Start.AddMinutes(15 * random.Next(Math.Max(1, slack)));
    }

    /// <summary>The first weekday at or after <paramref name="from"/> with a slot: 18:00–21:45 out of hours, else 09:00–15:45 (Berlin).</summary>
    private DateTime AtLocalHour(DateTime from, bool outOfHours)
    {
        var hour = (outOfHours ? 18 : 9) + random.Next(16) / 4.0;
        for (var day = 0; ; day++)
        {
            var start = Local(from, day, hour);
            var local = TimeZoneInfo.ConvertTimeFromUtc(start, Berlin);
            if (start >= from && local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return start;
            }
        }
    }

    private static DateTime RoundUp(DateTime at)
    {
        const long quarter = TimeSpan.TicksPerMinute * 15;
        return new DateTime((at.Ticks + quarter - 1) / quarter * quarter, DateTimeKind.Utc);
    }
}
