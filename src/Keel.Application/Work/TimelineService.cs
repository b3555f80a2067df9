using System.Globalization;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>
/// One key moment of an incident. <see cref="ElapsedMinutes"/> counts from the moment the incident was raised;
/// <see cref="From"/> and <see cref="To"/> are states, names (assignments) or numbers (a child, a merged duplicate);
/// <see cref="Text"/> is the message of a public reply or stakeholder update.
/// </summary>
public sealed record TimelineEntryView(
    long Id, DateTime At, int ElapsedMinutes, TimelineMoment Moment, Ref? Actor, string? Field, string? From, string? To,
    string? Detail, string? Text, DateTime? NextUpdateAt);

/// <summary>
/// An incident's timeline, computed from its history (<see cref="IncidentTimeline"/> picks the key moments) and the
/// messages stored with it, in time order. Requesters, followers and stakeholders get the public moments only: the
/// filter is in the query, so internal lines (assignments, children, internal notes) never reach them.
/// </summary>
public sealed class TimelineService(KeelDb db, ICurrentUser user, WorkItemService work)
{
    public async Task<Result<Page<TimelineEntryView>>> TimelineAsync(string number, PageRequest page, CancellationToken ct)
    {
        if (await work.FindAsync(WorkKind.Incident, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(WorkKind.Incident));
        }
        var errors = new FieldErrors();
        page.Validate(errors);
        var after = page.Cursor is null ? null : ParseCursor(page.Cursor, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var query = Moments(item.Id, WorkAccess.IsWorker(user));
        if (after is (var at, var id))
        {
            query = query.Where(e => e.At > at || (e.At == at && e.Id > id));
        }
        var rows = await query.OrderBy(e => e.At).ThenBy(e => e.Id).Take(page.EffectiveLimit + 1).ToListAsync(ct);
        var next = rows.Count > page.EffectiveLimit ? Cursor(rows[page.EffectiveLimit - 1]) : null;
        rows = rows.Take(page.EffectiveLimit).ToList();

        var names = await HistoryNames.LoadAsync(db, rows, ct);
        var childIds = rows.Where(r => r.WorkItemId != item.Id).Select(r => r.WorkItemId).Distinct().ToList();
        var children = childIds.Count == 0
            ? []
            : await db.Set<WorkItem>().Where(w => childIds.Contains(w.Id)).Select(w => new { w.Id, w.Number, w.Title }).ToDictionaryAsync(w => w.Id, ct);
        var messages = await MessagesAsync(item.Id, rows, ct);
        var entries = new List<TimelineEntryView>();
        foreach (var e in rows)
        {
            var ofChild = e.WorkItemId != item.Id;
            if (IncidentTimeline.MomentOf(e, ofChild) is not { } moment)
            {
                continue;
            }
            var message = e.Type is WorkEventType.Commented or WorkEventType.UpdateSent
                ? messages.FirstOrDefault(c => c.AuthorId == e.ActorId && c.CreatedAt == e.At && c.StakeholderUpdate == (e.Type == WorkEventType.UpdateSent))
                : null;
            var child = ofChild ? children.GetValueOrDefault(e.WorkItemId) : null;
            entries.Add(new TimelineEntryView(
                e.Id, e.At, (int)Math.Floor((e.At - item.CreatedAt).TotalMinutes), moment, names.Actor(e.ActorId), e.Field,
                names.Value(e.Field, e.From), child?.Number ?? names.Value(e.Field, e.To), e.Detail,
                child?.Title ?? message?.Body, message?.NextUpdateAt));
        }
        return new Page<TimelineEntryView>(entries, next);
    }

    /// <summary>The key moments in SQL (<see cref="IncidentTimeline.IsKeyLine"/>); only IT staff get internal lines and children.</summary>
    private IQueryable<WorkEvent> Moments(Guid itemId, bool worker)
    {
        var events = db.Set<WorkEvent>().AsNoTracking();
        var own = events.Where(e => e.WorkItemId == itemId).Where(IncidentTimeline.IsKeyLine);
        if (!worker)
        {
            return own.Where(e => !e.Internal);
        }
        var children = db.Set<WorkItem>().Where(c => c.ParentId == itemId).Select(c => c.Id);
        return own.Concat(events.Where(e => e.Type == WorkEventType.Created && children.Contains(e.WorkItemId)));
    }

    /// <summary>The public replies and updates behind the page's message lines, stored at the same instant as their line.</summary>
    private async Task<List<WorkComment>> MessagesAsync(Guid itemId, List<WorkEvent> rows, CancellationToken ct)
    {
        var lines = rows.Where(r => r.Type is WorkEventType.Commented or WorkEventType.UpdateSent).ToList();
        if (lines.Count == 0)
        {
            return [];
        }
        var from = lines.Min(l => l.At);
        var to = lines.Max(l => l.At);
        return await db.Set<WorkComment>().AsNoTracking()
            .Where(c => c.WorkItemId == itemId && !c.Internal && c.CreatedAt >= from && c.CreatedAt <= to).ToListAsync(ct);
    }

    private static string Cursor(WorkEvent e) =>
        e.At.Ticks.ToString(CultureInfo.InvariantCulture) + "." + e.Id.ToString(CultureInfo.InvariantCulture);

    private static (DateTime At, long Id)? ParseCursor(string cursor, FieldErrors errors)
    {
        var parts = cursor.Split('.');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is >= 0 and <= 3155378975999999999 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (new DateTime(ticks, DateTimeKind.Utc), id);
        }
        errors.Add("cursor", "is not a valid cursor.");
        return null;
    }
}
