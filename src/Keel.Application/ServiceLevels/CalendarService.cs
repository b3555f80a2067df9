using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.ServiceLevels;

/// <summary>Business calendars: read by IT staff, kept by admins. New hours make a new revision (see <see cref="BusinessCalendar"/>).</summary>
public sealed class CalendarService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    private static readonly KeysetPager<BusinessCalendar> Pager = new(c => c.Id, SortKey<BusinessCalendar>.By("name", c => c.Name));

    public async Task<Result<Page<CalendarView>>> ListAsync(PageRequest page, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff read business calendars.");
        }
        var result = await Pager.PageAsync(db.Set<BusinessCalendar>().AsNoTracking(), page, ct);
        return result.IsSuccess ? result.Value!.Map(CalendarDrafts.View) : result.Error!;
    }

    public async Task<Result<CalendarView>> GetAsync(Guid id, CancellationToken ct)
    {
        var calendar = WorkAccess.IsWorker(user) ? await db.Set<BusinessCalendar>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        return calendar is null ? Error.NotFound("The calendar") : CalendarDrafts.View(calendar);
    }

    public async Task<Result<CalendarView>> CreateAsync(CalendarDraft draft, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep business calendars.");
        }
        var errors = new FieldErrors();
        var calendar = new BusinessCalendar { Name = draft.Name?.Trim() ?? "", Hours = CalendarDrafts.Read(draft.Hours, new CalendarHours(), errors) };
        if (await ValidateAsync(calendar, errors, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(calendar);
        db.Add(Revision(calendar));
        await db.SaveChangesAsync(ct);
        return CalendarDrafts.View(calendar);
    }

    public async Task<Result<CalendarView>> UpdateAsync(Guid id, long expectedVersion, CalendarDraft patch, CancellationToken ct)
    {
        var calendar = WorkAccess.IsWorker(user) ? await db.Set<BusinessCalendar>().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        if (calendar is null)
        {
            return Error.NotFound("The calendar");
        }
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep business calendars.");
        }
        if (calendar.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var errors = new FieldErrors();
        var before = JsonColumnText(calendar.Hours);
        calendar.Name = patch.Name?.Trim() ?? calendar.Name;
        calendar.Hours = CalendarDrafts.Read(patch.Hours, calendar.Hours, errors);
        if (await ValidateAsync(calendar, errors, ct) is { } invalid)
        {
            return invalid;
        }
        if (JsonColumnText(calendar.Hours) != before)
        {
            calendar.Revision++;
            db.Add(Revision(calendar));
        }
        db.Entry(calendar).Property(c => c.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<CalendarView>)CalendarDrafts.View(calendar);
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep business calendars.");
        }
        var calendar = await db.Set<BusinessCalendar>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (calendar is null)
        {
            return Error.NotFound("The calendar");
        }
        if (await db.Set<ServiceLevelPolicy>().AnyAsync(p => p.CalendarId == id, ct)
            || await db.Set<ServiceLevelClock>().AnyAsync(c => c.CalendarId == id, ct))
        {
            return new Error(ErrorKind.Conflict, "calendar_in_use", "Policies or clocks count time on this calendar; move them to another calendar first.");
        }
        db.Remove(calendar);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Error?> ValidateAsync(BusinessCalendar calendar, FieldErrors errors, CancellationToken ct)
    {
        calendar.Validate(errors);
        if (await db.Set<BusinessCalendar>().AnyAsync(c => c.Name == calendar.Name && c.Id != calendar.Id, ct))
        {
            errors.Add("name", "another calendar has this name.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    private CalendarRevision Revision(BusinessCalendar calendar) => new()
    {
        CalendarId = calendar.Id, Revision = calendar.Revision, Hours = calendar.Hours, CreatedAt = time.GetUtcNow().UtcDateTime,
    };

    private static string JsonColumnText(CalendarHours hours) => Services.JsonColumn.Write(hours);
}
