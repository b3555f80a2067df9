using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Changes;

/// <summary>
/// A decision on a change's approval: refused to the change's own requester and assignee (403 <c>own_change</c>);
/// otherwise counted with the other decisions of the same round against the quorum (<see cref="ChangeAuthorization.Decide"/>).
/// Authorized moves the change to Scheduled, rejected sends it back to Draft with the reason in its history; either
/// way the approvals still pending are withdrawn.
/// </summary>
internal static class ChangeApprovals
{
    public static Error OwnChange() =>
        new(ErrorKind.Forbidden, "own_change", "Nobody approves a change they raised or are assigned to.");

    public static bool IsOwn(WorkItem change, Guid? userId) => userId is { } me && (change.RequesterId == me || change.AssigneeId == me);

    public static async Task SettleAsync(KeelDb db, ICurrentUser user, WorkItem item, Approval decided, DateTime now, CancellationToken ct)
    {
        var change = await db.Set<ChangeRecord>().FirstAsync(c => c.WorkItemId == item.Id, ct);
        // One round of approvals is asked at one instant; earlier rounds (before a rejection sent the change back) do not count.
        var round = await db.Set<Approval>().Where(a => a.WorkItemId == item.Id && a.RequestedAt == decided.RequestedAt && a.Id != decided.Id)
            .Select(a => a.State).ToListAsync(ct);
        round.Add(decided.State);
        var authority = change.Authority ?? ChangeAuthority.ChangeManager;
        var outcome = ChangeAuthorization.Decide(authority, change.Quorum ?? 1,
            round.Count(s => s == ApprovalState.Approved), round.Count(s => s == ApprovalState.Rejected), round.Count(s => s == ApprovalState.Pending));
        if (outcome == AuthorizationOutcome.Pending)
        {
            return;
        }
        var system = new TransitionContext(user.UserId, Mover.System, now, TimeSpan.Zero);
        var reason = outcome == AuthorizationOutcome.Authorized
            ? $"Authorized by the {ChangeTransitions.Describe(authority)}."
            : $"Rejected by the {ChangeTransitions.Describe(authority)}: {decided.Reason}";
        var to = outcome == AuthorizationOutcome.Authorized ? WorkState.Scheduled : WorkState.Draft;
        item.Transition(new TransitionRequest(to, Reason: reason), system);
        if (to == WorkState.Draft)
        {
            change.Authority = null;
            change.Quorum = null;
        }
        foreach (var approval in await db.Set<Approval>().Where(a => a.WorkItemId == item.Id && a.State == ApprovalState.Pending && a.Id != decided.Id).ToListAsync(ct))
        {
            approval.State = ApprovalState.Withdrawn;
            approval.DecidedAt = now;
        }
    }
}
