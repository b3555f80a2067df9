using Keel.Domain.Platform;

namespace Keel.Domain.Changes;

public enum ChangeWindowKind
{
    /// <summary>A blackout: no change may run inside it without a justified override.</summary>
    Freeze,

    /// <summary>When the named CIs (or services) may be changed; a change outside it is a conflict.</summary>
    Maintenance,
}

/// <summary>
/// A freeze (blackout) window or a maintenance window of the change calendar. A window is either one-off
/// (<see cref="StartsAt"/> to <see cref="EndsAt"/>, UTC) or, for maintenance only, weekly (<see cref="Weekly"/>, in an IANA zone).
/// A freeze without services covers everything; a maintenance window names the CIs and/or services it is for.
/// </summary>
public sealed class ChangeWindow : IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 2000;
    public const int MaxTargets = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public ChangeWindowKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    public WeeklyRecurrence? Weekly { get; set; }
    public List<Guid> ServiceIds { get; set; } = [];
    public List<Guid> ConfigurationItemIds { get; set; } = [];
    public long Version { get; set; }

    public bool IsRecurring => Weekly is not null;

    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, NameMaxLength);
        errors.Optional("reason", Reason, ReasonMaxLength);
        if (ServiceIds.Count + ConfigurationItemIds.Count > MaxTargets)
        {
            errors.Add("serviceIds", $"a window names at most {MaxTargets} services and CIs.");
        }
        if (Kind == ChangeWindowKind.Freeze && Weekly is not null)
        {
            errors.Add("weekly", "a freeze window is one-off: give start and end instead.");
        }
        if (Kind == ChangeWindowKind.Freeze && ConfigurationItemIds.Count > 0)
        {
            errors.Add("configurationItemIds", "a freeze window is limited by services, not CIs.");
        }
        if (Kind == ChangeWindowKind.Maintenance && ServiceIds.Count == 0 && ConfigurationItemIds.Count == 0)
        {
            errors.Add("configurationItemIds", "name the CIs and/or services this maintenance window is for.");
        }
        if (Weekly is { } weekly)
        {
            if (StartsAt is not null || EndsAt is not null)
            {
                errors.Add("weekly", "a weekly window has no start and end; give one or the other.");
            }
            weekly.Validate(errors);
        }
        else if (StartsAt is null || EndsAt is null)
        {
            errors.Add(StartsAt is null ? "start" : "end", "is required (or, for a maintenance window, a weekly recurrence).");
        }
        else if (EndsAt <= StartsAt)
        {
            errors.Add("end", "must be after the start.");
        }
    }

    /// <summary>The times this window is open that overlap [<paramref name="from"/>, <paramref name="to"/>), in time order (UTC).</summary>
    public IEnumerable<TimeRange> Occurrences(DateTime from, DateTime to)
    {
        if (Weekly is { } weekly)
        {
            return weekly.Occurrences(from, to);
        }
        return StartsAt is { } start && EndsAt is { } end && start < to && end > from ? [new TimeRange(start, end)] : [];
    }

    /// <summary>Whether this window concerns a change touching these services and CIs (a freeze without services concerns all).</summary>
    public bool Concerns(IEnumerable<Guid> serviceIds, IEnumerable<Guid> ciIds) =>
        (Kind == ChangeWindowKind.Freeze && ServiceIds.Count == 0)
        || serviceIds.Any(ServiceIds.Contains) || ciIds.Any(ConfigurationItemIds.Contains);
}

/// <summary>A span of time [Start, End) in UTC.</summary>
public readonly record struct TimeRange(DateTime Start, DateTime End)
{
    public bool Overlaps(TimeRange other) => Start < other.End && other.Start < End;

    public bool Contains(TimeRange other) => Start <= other.Start && other.End <= End;
}
