using Keel.Application.Changes;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

public sealed record ApprovalView(
    Guid Id, WorkRef Item, WorkKind Kind, Ref Approver, Ref Requester, ApprovalState State, string? Reason,
    DateTime RequestedAt, DateTime? DecidedAt, long Version);

public sealed record ApprovalDecision(bool? Approve, string? Reason);

/// <summary>Approving or rejecting requests and changes: only the named approver decides, once, and a rejection says why (changes: <see cref="ChangeApprovals"/>).</summary>
public sealed class ApprovalService(KeelDb db, ICurrentUser user, TimeProvider time, WorkEffects effects)
{
    private static readonly KeysetPager<Approval> Pager = new(a => a.Id, SortKey<Approval>.By("requestedAt", a => a.RequestedAt));

    /// <summary>The caller's approvals (<paramref name="pendingOnly"/>: only those waiting), or, for IT staff, those of one item.</summary>
    public async Task<Result<Page<ApprovalView>>> ListAsync(bool pendingOnly, Guid? workItemId, PageRequest page, CancellationToken ct)
    {
        var query = db.Set<Approval>().AsNoTracking();
        query = workItemId is { } item && WorkAccess.IsWorker(user)
            ? query.Where(a => a.WorkItemId == item)
            : query.Where(a => a.ApproverId == user.UserId);
        if (pendingOnly)
        {
            query = query.Where(a => a.State == ApprovalState.Pending);
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? new Page<ApprovalView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<ApprovalView>> DecideAsync(Guid id, ApprovalDecision decision, CancellationToken ct)
    {
        var approval = await db.Set<Approval>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (approval is null || (approval.ApproverId != user.UserId && !WorkAccess.IsWorker(user)))
        {
            return Error.NotFound("The approval");
        }
        var item = await db.Set<WorkItem>().FirstAsync(w => w.Id == approval.WorkItemId, ct);
        if (item.Kind == WorkKind.Change && ChangeApprovals.IsOwn(item, user.UserId))
        {
            return ChangeApprovals.OwnChange();
        }
        if (approval.ApproverId != user.UserId)
        {
            return Error.Forbidden("Only the named approver decides.");
        }
        var errors = new FieldErrors();
        if (decision.Approve is null)
        {
            errors.Add("approve", "is required (true to approve, false to reject).");
        }
        if (decision.Approve == false)
        {
            errors.Required("reason", decision.Reason, WorkItem.NoteMaxLength);
        }
        errors.Optional("reason", decision.Reason, WorkItem.NoteMaxLength);
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (approval.State != ApprovalState.Pending)
        {
            return Error.Conflict($"This approval was already {approval.State.ToString().ToLowerInvariant()}.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        approval.State = decision.Approve == true ? ApprovalState.Approved : ApprovalState.Rejected;
        approval.Reason = decision.Reason?.Trim();
        approval.DecidedAt = now;
        if (item.State == WorkState.AwaitingApproval)
        {
            await MoveRequestAsync(item, approval, now, ct);
        }
        else if (item.Kind == WorkKind.Change && item.State == WorkState.Authorize)
        {
            await ChangeApprovals.SettleAsync(db, user, item, approval, now, ct);
        }
        return await db.SaveOrConflictAsync(ct) ?? (Result<ApprovalView>)(await ViewsAsync([approval], ct))[0];
    }

    /// <summary>One rejection rejects the request; it is approved when no approval is left pending.</summary>
    private async Task MoveRequestAsync(WorkItem item, Approval decided, DateTime now, CancellationToken ct)
    {
        var system = new TransitionContext(user.UserId, Mover.System, now, TimeSpan.Zero);
        if (decided.State == ApprovalState.Rejected)
        {
            var reject = new TransitionRequest(WorkState.Rejected, Reason: decided.Reason);
            item.Transition(reject, system);
            await effects.AfterTransitionAsync(item, reject, system, ct);
            return;
        }
        var othersPending = await db.Set<Approval>().AnyAsync(a => a.WorkItemId == item.Id && a.Id != decided.Id && a.State == ApprovalState.Pending, ct);
        if (othersPending)
        {
            return;
        }
        item.Transition(new TransitionRequest(WorkState.Approved, Reason: decided.Reason), system);
        var start = new TransitionRequest(WorkState.InFulfilment);
        item.Transition(start, system);
        await effects.AfterTransitionAsync(item, start, system, ct);
    }

    private async Task<IReadOnlyList<ApprovalView>> ViewsAsync(IReadOnlyList<Approval> approvals, CancellationToken ct)
    {
        var itemIds = approvals.Select(a => a.WorkItemId).Distinct().ToList();
        var items = await db.Set<WorkItem>().AsNoTracking().Where(w => itemIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Number, w.Title, w.Kind, w.RequesterId }).ToDictionaryAsync(w => w.Id, ct);
        var people = await db.DisplayNamesAsync(approvals.Select(a => a.ApproverId).Concat(items.Values.Select(i => i.RequesterId)), ct);
        return approvals.Select(a =>
        {
            var item = items[a.WorkItemId];
            return new ApprovalView(a.Id, new WorkRef(item.Number, item.Title), item.Kind, new Ref(a.ApproverId, people.GetValueOrDefault(a.ApproverId, "")),
                new Ref(item.RequesterId, people.GetValueOrDefault(item.RequesterId, "")), a.State, a.Reason, a.RequestedAt, a.DecidedAt, a.Version);
        }).ToList();
    }
}
