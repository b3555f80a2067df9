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
/// asked, never the change's requester or assignee); leaving Authorize withdraws what is still pending. Entering
/// Authorize or Scheduled at times inside a freeze window needs a justification (the move's reason), kept on the change.
/// </summary>
public sealed class ChangeTransitions(KeelDb db, ICurrentUser user, IOptions<ChangeOptions> options)
{
    /// <summary>Checks the move; on success returns what <see cref="AfterAsync"/> needs.</summary>
    public async Task<Result<ChangeMove>> BeforeAsync(WorkItem item, TransitionRequest request, TransitionContext context, CancellationToken ct)
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
        string? freezeOverride = null;
        // The authority's own move to Scheduled decides on times that already passed the gate on the way into Authorize.
        if (ChangeSchedule.Gated.Contains(request.To) && context.Mover != Mover.System)
        {
            var schedule = new ChangeSchedule(db);
            var planned = await schedule.PlannedAsync(item, new TimeRange(change.PlannedStart!.Value, change.PlannedEnd!.Value), ct);
            var justification = request.Reason?.Trim() is { Length: > 0 } reason ? reason : null;
            var gate = await schedule.FreezeGateAsync(planned, justification, ct);
            if (!gate.IsSuccess)
            {
                return gate.Error!;
            }
            freezeOverride = gate.Value!.Count > 0 ? justification : null;
        }
        return new ChangeMove(change, freezeOverride);
    }

    public async Task AfterAsync(WorkItem item, ChangeMove move, WorkState from, TransitionContext context, CancellationToken ct)
    {
        var change = move.Change;
        ChangeFlow.Apply(change, item.State, context.Now);
        if (ChangeSchedule.Gated.Contains(item.State) && context.Mover != Mover.System)
        {
            item.Change("freezeOverride", change.FreezeOverride, move.FreezeOverride, v => change.FreezeOverride = v, context.ActorId, context.Now);
        }
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

/// <summary>A checked move of a change: its record, and the justification for running inside a freeze window (null when none is needed).</summary>
public sealed record ChangeMove(ChangeRecord Change, string? FreezeOverride);
