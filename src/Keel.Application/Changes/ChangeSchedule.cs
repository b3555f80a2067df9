using Keel.Application.Data;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

/// <summary>A change on the calendar with its conflicts.</summary>
public sealed record CalendarChange(Guid Id, string Number, string Title, WorkState State, DateTime Start, DateTime End, IReadOnlyList<ChangeConflict> Conflicts);

/// <summary>One opening of a window in the calendar's range, with the names of what it is for.</summary>
public sealed record WindowOpening(Guid WindowId, ChangeWindowKind Kind, string Name, string Reason, DateTime Start, DateTime End, IReadOnlyList<string> Targets);

public sealed record ChangeCalendarView(DateTime From, DateTime To, IReadOnlyList<CalendarChange> Changes, IReadOnlyList<WindowOpening> Freezes, IReadOnlyList<WindowOpening> Maintenance);

/// <summary>
/// Reads the schedule: changes with planned times and their targets (the item's service and CI plus its change
/// targets), the windows, and the conflicts between them. Changes that ran stay on the calendar; only those still to
/// run or running have conflicts.
/// </summary>
internal sealed class ChangeSchedule(KeelDb db)
{
    /// <summary>Changes that are still to run or running: they conflict with each other and with the windows.</summary>
    public static readonly IReadOnlyList<WorkState> OnCalendar = [WorkState.Scheduled, WorkState.Implement];

    /// <summary>What the calendar shows: those, and the ones that ran (in review or closed), as the record of what happened when.</summary>
    public static readonly IReadOnlyList<WorkState> Shown = [WorkState.Scheduled, WorkState.Implement, WorkState.Review, WorkState.Closed];

    /// <summary>States whose planned times pass the freeze gate: what approvers decide on, and what is set to run.</summary>
    public static readonly IReadOnlyList<WorkState> Gated = [WorkState.Authorize, WorkState.Scheduled];

    /// <summary>At most this many changes in one calendar range (a month of a busy organization is a few hundred).</summary>
    public const int MaxChanges = 2000;

    public async Task<ChangeCalendarView> CalendarAsync(DateTime from, DateTime to, CancellationToken ct)
    {
        var windows = await WindowsAsync(ct);
        var changes = await ScheduledAsync(from, to, Shown, ct);
        var open = changes.Where(c => OnCalendar.Contains(c.State)).ToList();
        var others = open.Count == 0 ? [] : await ScheduledAsync(open.Min(c => c.Change.Planned.Start), open.Max(c => c.Change.Planned.End), OnCalendar, ct);
        var names = await ChangeTargetNames.LoadAsync(db, windows.SelectMany(w => w.ServiceIds), windows.SelectMany(w => w.ConfigurationItemIds), ct);
        return new ChangeCalendarView(from, to,
            [.. changes.Select(c => new CalendarChange(c.Change.Id, c.Change.Number, c.Change.Title, c.State, c.Change.Planned.Start, c.Change.Planned.End,
                OnCalendar.Contains(c.State) ? ChangeConflicts.Of(c.Change, others.Select(o => o.Change), windows) : []))],
            Openings(windows, ChangeWindowKind.Freeze, from, to, names),
            Openings(windows, ChangeWindowKind.Maintenance, from, to, names));
    }

    /// <summary>The conflicts of one change at the given times (its own, or times it is about to be given).</summary>
    public async Task<IReadOnlyList<ChangeConflict>> ConflictsAsync(PlannedChange change, CancellationToken ct)
    {
        var windows = await WindowsAsync(ct);
        var others = await ScheduledAsync(change.Planned.Start, change.Planned.End, OnCalendar, ct);
        return ChangeConflicts.Of(change, others.Select(o => o.Change), windows);
    }

    public async Task<IReadOnlyList<ChangeWindow>> FreezesAsync(PlannedChange change, CancellationToken ct) =>
        ChangeConflicts.Freezes(change, await WindowsAsync(ct));

    /// <summary>
    /// The freeze gate for a change about to be authorized or run at <paramref name="change"/>'s times: the freeze windows
    /// it falls in, or a 409 <c>freeze_window</c> naming the first when there is no justification.
    /// </summary>
    public async Task<Result<IReadOnlyList<ChangeWindow>>> FreezeGateAsync(PlannedChange change, string? justification, CancellationToken ct)
    {
        var freezes = await FreezesAsync(change, ct);
        return freezes.Count == 0 || !string.IsNullOrWhiteSpace(justification)
            ? Result<IReadOnlyList<ChangeWindow>>.Ok(freezes)
            : new Error(ErrorKind.Conflict, "freeze_window",
                $"{change.Number} would run inside the freeze window '{freezes[0].Name}'. Give a justification to schedule it anyway.");
    }

    /// <summary>The change as the rules see it, at <paramref name="planned"/>.</summary>
    public async Task<PlannedChange> PlannedAsync(WorkItem item, TimeRange planned, CancellationToken ct)
    {
        var targets = await TargetsAsync([new Row(item.Id, item.Number, item.Title, item.State, item.ServiceId, item.ConfigurationItemId, planned.Start, planned.End)], ct);
        return new PlannedChange(item.Id, item.Number, item.Title, planned, targets[item.Id]);
    }

    private async Task<IReadOnlyList<ChangeWindow>> WindowsAsync(CancellationToken ct) =>
        await db.Set<ChangeWindow>().AsNoTracking().OrderBy(w => w.Name).Take(1000).ToListAsync(ct);

    private async Task<List<(PlannedChange Change, WorkState State)>> ScheduledAsync(DateTime from, DateTime to, IReadOnlyList<WorkState> inStates, CancellationToken ct)
    {
        var states = inStates.ToList();
        var rows = await db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.Kind == WorkKind.Change && states.Contains(w.State))
            .Join(db.Set<ChangeRecord>().Where(c => c.PlannedStart != null && c.PlannedEnd != null && c.PlannedStart < to && c.PlannedEnd > from),
                w => w.Id, c => c.WorkItemId,
                (w, c) => new { w.Id, w.Number, w.Title, w.State, w.ServiceId, w.ConfigurationItemId, Start = c.PlannedStart!.Value, End = c.PlannedEnd!.Value })
            .OrderBy(r => r.Start).ThenBy(r => r.Number).Take(MaxChanges)
            .Select(r => new Row(r.Id, r.Number, r.Title, r.State, r.ServiceId, r.ConfigurationItemId, r.Start, r.End))
            .ToListAsync(ct);
        var targets = await TargetsAsync(rows, ct);
        return [.. rows.Select(r => (new PlannedChange(r.Id, r.Number, r.Title, new TimeRange(r.Start, r.End), targets[r.Id]), r.State))];
    }

    private async Task<Dictionary<Guid, IReadOnlyList<ChangeTargetRef>>> TargetsAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var linked = ids.Count == 0 ? [] : await db.Set<ChangeTarget>().AsNoTracking().Where(t => ids.Contains(t.ChangeId)).ToListAsync(ct);
        var services = rows.Select(r => r.ServiceId).Concat(linked.Where(t => t.ServiceId != null).Select(t => t.ServiceId!.Value));
        var cis = rows.Where(r => r.CiId != null).Select(r => r.CiId!.Value).Concat(linked.Where(t => t.ConfigurationItemId != null).Select(t => t.ConfigurationItemId!.Value));
        var names = await ChangeTargetNames.LoadAsync(db, services, cis, ct);
        var byChange = linked.ToLookup(t => t.ChangeId);
        return rows.ToDictionary(r => r.Id, r =>
        {
            var serviceIds = byChange[r.Id].Where(t => t.ServiceId != null).Select(t => t.ServiceId!.Value).Append(r.ServiceId).Distinct();
            var ciIds = byChange[r.Id].Where(t => t.ConfigurationItemId != null).Select(t => t.ConfigurationItemId!.Value)
                .Concat(r.CiId is { } ci ? [ci] : []).Distinct();
            return (IReadOnlyList<ChangeTargetRef>)
            [
                .. ciIds.Select(id => new ChangeTargetRef(id, names.GetValueOrDefault(id, "a configuration item"), IsService: false)),
                .. serviceIds.Select(id => new ChangeTargetRef(id, names.GetValueOrDefault(id, "a service"), IsService: true)),
            ];
        });
    }

    private static List<WindowOpening> Openings(IEnumerable<ChangeWindow> windows, ChangeWindowKind kind, DateTime from, DateTime to, Dictionary<Guid, string> names) =>
    [
        .. windows.Where(w => w.Kind == kind)
            .SelectMany(w => w.Occurrences(from, to).Select(o => new WindowOpening(w.Id, w.Kind, w.Name, w.Reason, o.Start, o.End,
                [.. w.ConfigurationItemIds.Concat(w.ServiceIds).Select(id => names.GetValueOrDefault(id, "")).Where(n => n.Length > 0)])))
            .OrderBy(o => o.Start).ThenBy(o => o.Name),
    ];

    private sealed record Row(Guid Id, string Number, string Title, WorkState State, Guid ServiceId, Guid? CiId, DateTime Start, DateTime End);
}
