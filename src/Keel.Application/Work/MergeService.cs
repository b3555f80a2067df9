using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

public sealed record MergeDraft(string? Into);

/// <summary>
/// Merges a duplicate incident into its original: the conversation is copied across (with its authors and times),
/// the duplicate's requester and followers follow the original, and the duplicate is resolved as a duplicate,
/// linked to the original, so its requester is told where their issue went.
/// </summary>
public sealed class MergeService(KeelDb db, ICurrentUser user, TimeProvider time, WorkItemService work, WorkViews views)
{
    public async Task<Result<WorkItemView>> MergeAsync(string number, MergeDraft draft, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user))
        {
            return Error.Forbidden("Only IT staff merge incidents.");
        }
        if (await work.FindAsync(WorkKind.Incident, number, tracked: true, ct) is not { } duplicate)
        {
            return Error.NotFound(WorkItemService.Describe(WorkKind.Incident));
        }
        var original = WorkNumber.TryNormalize(draft.Into, WorkKind.Incident, out var into)
            ? await db.Set<WorkItem>().FirstOrDefaultAsync(w => w.Number == into, ct)
            : null;
        var errors = new FieldErrors();
        if (original is null)
        {
            errors.Add("into", "is not an incident.");
        }
        else if (original.Id == duplicate.Id)
        {
            errors.Add("into", "is this incident itself.");
        }
        else if (original.State is WorkState.Closed or WorkState.Cancelled || original.DuplicateOfId is not null)
        {
            errors.Add("into", $"is {(original.DuplicateOfId is null ? original.State.ToString().ToLowerInvariant() : "itself a duplicate")}; merge into the incident still being worked.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (!duplicate.IsOpen)
        {
            return Error.Conflict($"{duplicate.Number} is {duplicate.State}; only an open incident is merged.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var copied = await CopyConversationAsync(duplicate, original!, ct);
        var followers = await CarryRequestersAsync(duplicate, original!, now, ct);

        duplicate.DuplicateOfId = original!.Id;
        db.Add(new WorkLink { FromId = duplicate.Id, ToId = original.Id, Type = WorkLinkType.DuplicateOf, CreatedById = user.UserId, CreatedAt = now });
        var settings = await WorkSettingsService.CurrentAsync(db, ct);
        duplicate.Transition(new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.Duplicate,
                ResolutionNote: $"Merged into {original.Number}, where the work goes on; you can follow it there."),
            new TransitionContext(user.UserId, Mover.System, now, settings.ReopenWindow));
        duplicate.Events.Add(new WorkEvent { WorkItemId = duplicate.Id, At = now, ActorId = user.UserId, Type = WorkEventType.Merged, To = original.Number });
        original.Events.Add(new WorkEvent
        {
            WorkItemId = original.Id, At = now, ActorId = user.UserId, Type = WorkEventType.Merged, From = duplicate.Number,
            Detail = $"{copied} message(s) copied, {followers} person(s) now follow this incident.",
        });
        original.UpdatedAt = now;
        return await db.SaveOrConflictAsync(ct) ?? (Result<WorkItemView>)await views.OneAsync(original, ct);
    }

    private async Task<int> CopyConversationAsync(WorkItem duplicate, WorkItem original, CancellationToken ct)
    {
        var comments = await db.Set<WorkComment>().AsNoTracking().Where(c => c.WorkItemId == duplicate.Id).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        foreach (var comment in comments)
        {
            db.Add(new WorkComment
            {
                WorkItemId = original.Id, AuthorId = comment.AuthorId, Internal = comment.Internal, CreatedAt = comment.CreatedAt,
                Body = $"{comment.Body}\n\n_(from {duplicate.Number})_",
            });
        }
        return comments.Count;
    }

    private async Task<int> CarryRequestersAsync(WorkItem duplicate, WorkItem original, DateTime now, CancellationToken ct)
    {
        var already = await db.Set<WorkFollower>().Where(f => f.WorkItemId == original.Id).Select(f => f.PersonId).ToListAsync(ct);
        var theirs = await db.Set<WorkFollower>().Where(f => f.WorkItemId == duplicate.Id).Select(f => f.PersonId).ToListAsync(ct);
        var people = new[] { duplicate.RequesterId, duplicate.RequestedForId ?? Guid.Empty }.Concat(theirs)
            .Where(p => p != Guid.Empty && p != original.RequesterId && p != original.RequestedForId && !already.Contains(p))
            .Distinct().ToList();
        db.AddRange(people.Select(p => new WorkFollower { WorkItemId = original.Id, PersonId = p, Since = now }));
        return people.Count;
    }
}
