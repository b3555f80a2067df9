using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Application.Changes;

/// <summary>
/// What a move of a change needs and does beyond its workflow (<see cref="ChangeFlow"/>): the type's path, the planned
/// window, the review; entering Authorize asks the change authority its risk calls for (one pending approval per person
/// asked, never the change's requester or assignee); leaving Authorize withdraws what is still pending.
/// </summary>
public sealed class ChangeTransitions(KeelDb db, ICurrentUser user, IOptions<ChangeOptions> options)
{
    /// <summary>Checks the move; on success returns the change record to pass to <see cref="AfterAsync"/>.</summary>
    public async Task<Result<ChangeRecord>> BeforeAsync(WorkItem item, TransitionRequest request, TransitionContext context, CancellationToken ct)
    {
        var change = await db.Set<ChangeRecord>().FirstOrDefaultAsync(c => c.WorkItemId == item.Id, ct);
        if (change is null)
        {
            return Error.Conflict($"{item.Number} has no change record.");
        }
        if (context.Mover != Mover.System && !ChangeAccess.CanWork(user))
        {
            return ChangeAccess.Refused();
        }
        if (ChangeFlow.Check(change, item.State, request.To, context.Mover) is { } error)
        {
            return error;
        }
        if (request.To == WorkState.Authorize && await ApproversAsync(item, change, ct) is { Error: { } none })
        {
            return none;
        }
        return change;
    }

    public async Task AfterAsync(WorkItem item, ChangeRecord change, WorkState from, TransitionContext context, CancellationToken ct)
    {
        ChangeFlow.Apply(change, item.State, context.Now);
        if (item.State == WorkState.Authorize)
        {
            var (authority, quorum, approvers) = (await ApproversAsync(item, change, ct)).Value;
            change.Authority = authority;
            change.Quorum = quorum;
            db.AddRange(approvers.Select(a => new Approval { WorkItemId = item.Id, ApproverId = a, RequestedAt = context.Now }));
        }
        else if (from == WorkState.Authorize)
        {
            await WithdrawPendingAsync(item.Id, context.Now, ct);
        }
    }

    public async Task WithdrawPendingAsync(Guid changeId, DateTime now, CancellationToken ct)
    {
        foreach (var approval in await db.Set<Approval>().Where(a => a.WorkItemId == changeId && a.State == ApprovalState.Pending).ToListAsync(ct))
        {
            approval.State = ApprovalState.Withdrawn;
            approval.DecidedAt = now;
        }
    }

    /// <summary>The authority for the change's type and risk, the people it asks (active, holding the role, not the requester or assignee) and the quorum.</summary>
    private async Task<Result<(ChangeAuthority Authority, int Quorum, IReadOnlyList<Guid> Approvers)>> ApproversAsync(WorkItem item, ChangeRecord change, CancellationToken ct)
    {
        var authority = ChangeAuthorization.AuthorityFor(change.Type, change.Risk ?? RiskLevel.High);
        string[] roles = authority switch
        {
            ChangeAuthority.ChangeManager => [Roles.ChangeManager.ToUpperInvariant()],
            ChangeAuthority.Cab => [Roles.CabMember.ToUpperInvariant()],
            ChangeAuthority.EmergencyCab => [Roles.ChangeManager.ToUpperInvariant(), Roles.CabMember.ToUpperInvariant()],
        };
        var own = new[] { item.RequesterId, item.AssigneeId ?? Guid.Empty };
        var approvers = await db.Users
            .Where(u => u.IsActive && !own.Contains(u.Id)
                        && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.NormalizedName!))))
            .OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync(ct);
        var settings = options.Value;
        if (ChangeAuthorization.QuorumFor(authority, approvers.Count, settings.CabQuorum, settings.EmergencyCabQuorum) is not { } quorum)
        {
            return new Error(ErrorKind.Conflict, "no_change_authority",
                $"The {Describe(authority)} has {approvers.Count} member(s) who may authorize this change (its requester and assignee may not), too few to decide.");
        }
        return (authority, quorum, approvers);
    }

    public static string Describe(ChangeAuthority authority) => authority switch
    {
        ChangeAuthority.ChangeManager => "change managers",
        ChangeAuthority.Cab => "change advisory board",
        ChangeAuthority.EmergencyCab => "emergency change advisory board",
    };
}
