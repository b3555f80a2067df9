using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

/// <param name="Plannable">Whether its planned times may still move (<see cref="ChangeScheduleService.PlannableStates"/>).</param>
public sealed record ChangeConflictsView(
    string Number, DateTime? PlannedStart, DateTime? PlannedEnd, string? FreezeOverride, bool Plannable, IReadOnlyList<ChangeConflict> Conflicts);

/// <summary>Reading the change calendar and a change's conflicts (IT staff).</summary>
public sealed class ChangeCalendarService(KeelDb db, ICurrentUser user)
{
    /// <summary>The longest range one calendar read covers: a month view with the days of its first and last weeks.</summary>
    public const int MaxRangeDays = 62;

    public async Task<Result<ChangeCalendarView>> CalendarAsync(DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (!ChangeCalendarAccess.CanRead(user))
        {
            return Error.Forbidden("Only IT staff read the change calendar.");
        }
        var errors = new FieldErrors();
        if (from is null)
        {
            errors.Add("from", "is required.");
        }
        if (to is null)
        {
            errors.Add("to", "is required.");
        }
        else if (from is not null && (to <= from || (to.Value - from.Value).TotalDays > MaxRangeDays))
        {
            errors.Add("to", $"must be after from, at most {MaxRangeDays} days later.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        return await new ChangeSchedule(db).CalendarAsync(ChangeWindowDrafts.AsUtc(from!.Value), ChangeWindowDrafts.AsUtc(to!.Value), ct);
    }

    /// <summary>
    /// The conflicts of a change at its planned times with other Scheduled and Implementing changes and the windows; none
    /// without planned times, nor once it has run or was cancelled (there is nothing left to resolve).
    /// </summary>
    public async Task<Result<ChangeConflictsView>> ConflictsAsync(string number, CancellationToken ct)
    {
        var item = ChangeCalendarAccess.CanRead(user)
            ? await db.Set<WorkItem>().AsNoTracking().FirstOrDefaultAsync(w => w.Kind == WorkKind.Change && w.Number == number, ct)
            : null;
        var record = item is null ? null : await db.Set<ChangeRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.WorkItemId == item.Id, ct);
        if (item is null || record is null)
        {
            return Error.NotFound("The change");
        }
        var plannable = ChangeScheduleService.PlannableStates.Contains(item.State);
        if (record.PlannedStart is not { } start || record.PlannedEnd is not { } end || end <= start || !(plannable || item.State == WorkState.Implement))
        {
            return new ChangeConflictsView(item.Number, record.PlannedStart, record.PlannedEnd, record.FreezeOverride, plannable, []);
        }
        var schedule = new ChangeSchedule(db);
        var conflicts = await schedule.ConflictsAsync(await schedule.PlannedAsync(item, new TimeRange(start, end), ct), ct);
        return new ChangeConflictsView(item.Number, start, end, record.FreezeOverride, plannable, conflicts);
    }
}
