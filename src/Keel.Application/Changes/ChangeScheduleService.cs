using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

public sealed record ScheduleRequest(DateTime? PlannedStart, DateTime? PlannedEnd, string? FreezeOverride);

public sealed record ChangeScheduleView(string Number, WorkState State, DateTime PlannedStart, DateTime PlannedEnd, string? FreezeOverride, long Version, IReadOnlyList<ChangeConflict> Conflicts);

/// <summary>
/// Plans a change's times. A change under authorization or scheduled moved into a freeze window is refused (409
/// <c>freeze_window</c>, naming the window) unless the request carries a justification; the justification is kept on the
/// change and in its history.
/// </summary>
public sealed class ChangeScheduleService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    /// <summary>States in which a change's planned times may still move.</summary>
    public static readonly IReadOnlyList<WorkState> PlannableStates = [WorkState.Draft, WorkState.Assess, WorkState.Authorize, WorkState.Scheduled];

    public async Task<Result<ChangeScheduleView>> ScheduleAsync(string number, ScheduleRequest request, long? expectedVersion, CancellationToken ct)
    {
        var item = ChangeCalendarAccess.CanRead(user)
            ? await db.Set<WorkItem>().FirstOrDefaultAsync(w => w.Kind == WorkKind.Change && w.Number == number, ct)
            : null;
        var record = item is null ? null : await db.Set<ChangeRecord>().FirstOrDefaultAsync(c => c.WorkItemId == item.Id, ct);
        if (item is null || record is null)
        {
            return Error.NotFound("The change");
        }
        if (!ChangeCalendarAccess.CanSchedule(user))
        {
            return Error.Forbidden("Only change managers and admins schedule changes.");
        }
        var errors = new FieldErrors();
        if (request.PlannedStart is null)
        {
            errors.Add("plannedStart", "is required.");
        }
        if (request.PlannedEnd is null)
        {
            errors.Add("plannedEnd", "is required.");
        }
        else if (request.PlannedStart is not null && request.PlannedEnd <= request.PlannedStart)
        {
            errors.Add("plannedEnd", "must be after the planned start.");
        }
        errors.Optional("freezeOverride", request.FreezeOverride, WorkItem.NoteMaxLength);
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (!PlannableStates.Contains(item.State))
        {
            return Error.Conflict($"{item.Number} is {item.State}; its planned times can no longer move.");
        }
        if (expectedVersion is { } version && version != item.Version)
        {
            return Error.Concurrency();
        }
        var planned = new TimeRange(ChangeWindowDrafts.AsUtc(request.PlannedStart!.Value), ChangeWindowDrafts.AsUtc(request.PlannedEnd!.Value));
        var schedule = new ChangeSchedule(db);
        var change = await schedule.PlannedAsync(item, planned, ct);
        var justification = request.FreezeOverride?.Trim() is { Length: > 0 } text ? text : null;
        // Under authorization or scheduled, the times are what approvers decide on and what runs: the freeze gate applies.
        var gated = ChangeSchedule.Gated.Contains(item.State);
        IReadOnlyList<ChangeWindow> freezes = [];
        if (gated)
        {
            var gate = await schedule.FreezeGateAsync(change, justification, ct);
            if (!gate.IsSuccess)
            {
                return gate.Error!;
            }
            freezes = gate.Value!;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var me = user.UserId;
        item.Change("plannedStart", record.PlannedStart, (DateTime?)planned.Start, v => record.PlannedStart = v, me, now);
        item.Change("plannedEnd", record.PlannedEnd, (DateTime?)planned.End, v => record.PlannedEnd = v, me, now);
        if (gated)
        {
            item.Change("freezeOverride", record.FreezeOverride, freezes.Count > 0 ? justification : null, v => record.FreezeOverride = v, me, now);
        }
        db.Entry(item).Property(w => w.Version).OriginalValue = item.Version;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return conflict;
        }
        var conflicts = await schedule.ConflictsAsync(change, ct);
        return new ChangeScheduleView(item.Number, item.State, planned.Start, planned.End, record.FreezeOverride, item.Version, conflicts);
    }
}
