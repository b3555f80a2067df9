namespace Keel.Domain.Changes;

public enum ConflictKind
{
    /// <summary>Another scheduled change touches the same CI or service at the same time.</summary>
    Overlap,

    /// <summary>The change runs inside a freeze window that covers it.</summary>
    Freeze,

    /// <summary>The change runs outside the maintenance windows of one of its CIs or services.</summary>
    OutsideMaintenance,
}

/// <summary>A CI or service a change touches, with its name for messages.</summary>
public sealed record ChangeTargetRef(Guid Id, string Name, bool IsService);

/// <summary>A change with planned times, as the conflict rules see it.</summary>
public sealed record PlannedChange(Guid Id, string Number, string Title, TimeRange Planned, IReadOnlyList<ChangeTargetRef> Targets)
{
    public IEnumerable<Guid> ServiceIds => Targets.Where(t => t.IsService).Select(t => t.Id);
    public IEnumerable<Guid> CiIds => Targets.Where(t => !t.IsService).Select(t => t.Id);
}

/// <summary>One conflict of a change, saying what it is with the other change's number or the window's name.</summary>
public sealed record ChangeConflict(ConflictKind Kind, string Message, string? OtherChange = null, Guid? WindowId = null, string? WindowName = null);

/// <summary>The change calendar's conflict rules (issue 6): overlaps on a shared target, freezes, and maintenance windows.</summary>
public static class ChangeConflicts
{
    /// <summary>Every conflict of <paramref name="change"/> with the other scheduled changes and the windows.</summary>
    public static IReadOnlyList<ChangeConflict> Of(PlannedChange change, IEnumerable<PlannedChange> scheduled, IReadOnlyCollection<ChangeWindow> windows)
    {
        var conflicts = new List<ChangeConflict>();
        foreach (var other in scheduled.Where(o => o.Id != change.Id && o.Planned.Overlaps(change.Planned)).OrderBy(o => o.Planned.Start).ThenBy(o => o.Number))
        {
            var shared = change.Targets.Where(t => other.Targets.Any(o => o.Id == t.Id)).ToList();
            if (shared.Count > 0)
            {
                conflicts.Add(new ChangeConflict(ConflictKind.Overlap,
                    $"Overlaps {other.Number} ({other.Title}) on {Names(shared)}.", OtherChange: other.Number));
            }
        }
        foreach (var freeze in Freezes(change, windows))
        {
            conflicts.Add(new ChangeConflict(ConflictKind.Freeze,
                $"Inside the freeze window '{freeze.Name}'.", WindowId: freeze.Id, WindowName: freeze.Name));
        }
        foreach (var target in change.Targets)
        {
            var maintenance = windows.Where(w => w.Kind == ChangeWindowKind.Maintenance && AppliesTo(w, target)).OrderBy(w => w.Name).ToList();
            if (maintenance.Count > 0 && !FitsInside(change.Planned, maintenance))
            {
                conflicts.Add(new ChangeConflict(ConflictKind.OutsideMaintenance,
                    $"Outside the maintenance windows of {Name(target)} ({string.Join(", ", maintenance.Select(w => $"'{w.Name}'"))}).",
                    WindowId: maintenance[0].Id, WindowName: maintenance[0].Name));
            }
        }
        return conflicts;
    }

    /// <summary>The freeze windows that cover the change: they overlap its time and cover everything or one of its services.</summary>
    public static IReadOnlyList<ChangeWindow> Freezes(PlannedChange change, IEnumerable<ChangeWindow> windows) =>
    [
        .. windows.Where(w => w.Kind == ChangeWindowKind.Freeze && w.Concerns(change.ServiceIds, [])
                              && w.Occurrences(change.Planned.Start, change.Planned.End).Any())
            .OrderBy(w => w.StartsAt).ThenBy(w => w.Name),
    ];

    private static bool AppliesTo(ChangeWindow window, ChangeTargetRef target) =>
        target.IsService ? window.ServiceIds.Contains(target.Id) : window.ConfigurationItemIds.Contains(target.Id);

    /// <summary>Whether the time lies wholly inside the windows' openings (back-to-back openings count as one).</summary>
    private static bool FitsInside(TimeRange planned, IEnumerable<ChangeWindow> windows)
    {
        var covered = planned.Start;
        foreach (var opening in windows.SelectMany(w => w.Occurrences(planned.Start, planned.End)).OrderBy(o => o.Start))
        {
            if (opening.Start > covered)
            {
                return false;
            }
            if (opening.End > covered)
            {
                covered = opening.End;
            }
            if (covered >= planned.End)
            {
                return true;
            }
        }
        return false;
    }

    private static string Name(ChangeTargetRef target) => target.IsService ? $"the service {target.Name}" : target.Name;

    private static string Names(IReadOnlyList<ChangeTargetRef> targets) => string.Join(", ", targets.Select(Name));
}
