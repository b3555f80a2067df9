using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <param name="StakeholderUpdate">A major incident's stakeholder update (sent to its stakeholders too), with its promised <paramref name="NextUpdateAt"/>.</param>
public sealed record CommentView(Guid Id, Ref Author, string Body, bool Internal, DateTime CreatedAt, bool StakeholderUpdate = false, DateTime? NextUpdateAt = null);

public sealed record CommentDraft(string? Body, bool? Internal);

public sealed record WorkLogView(Guid Id, Ref Person, int Minutes, DateOnly Date, string Note, DateTime CreatedAt);

public sealed record WorkLogDraft(int? Minutes, DateOnly? Date, string? Note);

/// <summary>
/// One history line. For fields that point at other records (team, assignee, configuration item, service, stakeholder)
/// <see cref="From"/> and <see cref="To"/> are names and <see cref="FromId"/> and <see cref="ToId"/> the stored ids.
/// </summary>
public sealed record HistoryView(
    long Id, DateTime At, Ref? Actor, WorkEventType Type, string? Field, string? From, string? To, string? Detail, string? FromId = null, string? ToId = null);

/// <summary>
/// The conversation, time and history of a work item. Requesters see public replies and the public lines of the
/// history only; internal notes, work logs and internal lines never reach them (the filter is in the query).
/// </summary>
public sealed class ConversationService(KeelDb db, ICurrentUser user, TimeProvider time, WorkItemService work)
{
    private static readonly KeysetPager<WorkComment> CommentPager = new(c => c.Id, SortKey<WorkComment>.By("createdAt", c => c.CreatedAt));
    private static readonly KeysetPager<WorkLog> LogPager = new(l => l.Id, SortKey<WorkLog>.By("date", l => l.Date), SortKey<WorkLog>.By("createdAt", l => l.CreatedAt));

    public async Task<Result<Page<CommentView>>> CommentsAsync(WorkKind kind, string number, PageRequest page, CancellationToken ct)
    {
        if (await work.FindAsync(kind, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var query = db.Set<WorkComment>().AsNoTracking().Where(c => c.WorkItemId == item.Id);
        if (!WorkAccess.IsWorker(user))
        {
            query = query.Where(c => !c.Internal);
        }
        var result = await CommentPager.PageAsync(query, page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var names = await db.DisplayNamesAsync(result.Value!.Items.Select(c => c.AuthorId), ct);
        return new Page<CommentView>(result.Value.Items.Select(c => View(c, names)).ToList(), result.Value.NextCursor);
    }

    /// <summary>
    /// Adds a reply or note. An agent's first public reply is the item's first response; a requester's reply to an
    /// incident waiting for them puts it back in progress (as ServiceNow does), so it does not sit on hold unnoticed.
    /// </summary>
    public async Task<Result<CommentView>> AddCommentAsync(WorkKind kind, string number, CommentDraft draft, CancellationToken ct)
    {
        if (await work.FindAsync(kind, number, tracked: true, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var worker = WorkAccess.IsWorker(user);
        if (draft.Internal == true && !worker)
        {
            return Error.Validation("internal", "only IT staff write internal notes.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var comment = new WorkComment { WorkItemId = item.Id, AuthorId = user.UserId ?? Guid.Empty, Body = draft.Body?.Trim() ?? "", Internal = draft.Internal == true, CreatedAt = now };
        var errors = new FieldErrors();
        comment.Validate(errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        db.Add(comment);
        item.Events.Add(new WorkEvent { WorkItemId = item.Id, At = now, ActorId = user.UserId, Type = WorkEventType.Commented, Internal = comment.Internal });
        item.UpdatedAt = now;
        if (worker && !comment.Internal)
        {
            item.RecordAgentReply(now);
        }
        if (!worker && item is { State: WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller })
        {
            var settings = await WorkSettingsService.CurrentAsync(db, ct);
            item.Transition(new TransitionRequest(WorkState.InProgress, Reason: "The caller replied."), new TransitionContext(user.UserId, Mover.System, now, settings.ReopenWindow));
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return conflict;
        }
        return View(comment, await db.DisplayNamesAsync([comment.AuthorId], ct));
    }

    public async Task<Result<Page<WorkLogView>>> WorkLogsAsync(WorkKind kind, string number, PageRequest page, CancellationToken ct)
    {
        if (await work.FindAsync(kind, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff read time logged on work.");
        }
        var result = await LogPager.PageAsync(db.Set<WorkLog>().AsNoTracking().Where(l => l.WorkItemId == item.Id), page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var names = await db.DisplayNamesAsync(result.Value!.Items.Select(l => l.PersonId), ct);
        return new Page<WorkLogView>(result.Value.Items.Select(l => View(l, names)).ToList(), result.Value.NextCursor);
    }

    public async Task<Result<WorkLogView>> AddWorkLogAsync(WorkKind kind, string number, WorkLogDraft draft, CancellationToken ct)
    {
        if (await work.FindAsync(kind, number, tracked: true, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff log time on work.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var log = new WorkLog
        {
            WorkItemId = item.Id, PersonId = user.UserId ?? Guid.Empty, Minutes = draft.Minutes ?? 0,
            Date = draft.Date ?? DateOnly.FromDateTime(now), Note = draft.Note?.Trim() ?? "", CreatedAt = now,
        };
        var errors = new FieldErrors();
        // A day ahead is tolerated: the person may sit in a time zone already in tomorrow.
        log.Validate(errors, DateOnly.FromDateTime(now).AddDays(1));
        if (errors.Any)
        {
            return errors.ToError();
        }
        db.Add(log);
        item.Events.Add(new WorkEvent { WorkItemId = item.Id, At = now, ActorId = user.UserId, Type = WorkEventType.WorkLogged, Detail = $"{log.Minutes} min", Internal = true });
        item.UpdatedAt = now;
        return await db.SaveOrConflictAsync(ct) ?? (Result<WorkLogView>)View(log, await db.DisplayNamesAsync([log.PersonId], ct));
    }

    public async Task<Result<Page<HistoryView>>> HistoryAsync(WorkKind kind, string number, PageRequest page, CancellationToken ct)
    {
        if (await work.FindAsync(kind, number, tracked: false, ct) is not { } item)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var errors = new FieldErrors();
        page.Validate(errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var query = db.Set<WorkEvent>().AsNoTracking().Where(e => e.WorkItemId == item.Id);
        if (!WorkAccess.IsWorker(user))
        {
            query = query.Where(e => !e.Internal);
        }
        // History pages by its own increasing id: the cursor is the last id seen.
        if (page.Cursor is { } cursor)
        {
            if (!long.TryParse(cursor, out var after))
            {
                return Error.Validation("cursor", "is not a valid cursor.");
            }
            query = query.Where(e => e.Id > after);
        }
        var rows = await query.OrderBy(e => e.Id).Take(page.EffectiveLimit + 1).ToListAsync(ct);
        var next = rows.Count > page.EffectiveLimit ? rows[page.EffectiveLimit - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        rows = rows.Take(page.EffectiveLimit).ToList();
        var names = await HistoryNames.LoadAsync(db, rows, ct);
        var reference = rows.ToDictionary(r => r.Id, r => HistoryNames.IsReference(r.Field));
        return new Page<HistoryView>(rows.Select(e => new HistoryView(e.Id, e.At, names.Actor(e.ActorId), e.Type, e.Field,
            names.Value(e.Field, e.From), names.Value(e.Field, e.To), e.Detail, reference[e.Id] ? e.From : null, reference[e.Id] ? e.To : null)).ToList(), next);
    }

    internal static CommentView View(WorkComment c, Dictionary<Guid, string> names) =>
        new(c.Id, new Ref(c.AuthorId, names.GetValueOrDefault(c.AuthorId, "")), c.Body, c.Internal, c.CreatedAt, c.StakeholderUpdate, c.NextUpdateAt);

    private static WorkLogView View(WorkLog l, Dictionary<Guid, string> names) =>
        new(l.Id, new Ref(l.PersonId, names.GetValueOrDefault(l.PersonId, "")), l.Minutes, l.Date, l.Note, l.CreatedAt);

}
