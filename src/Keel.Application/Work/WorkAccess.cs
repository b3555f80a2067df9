using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Application.Work;

/// <summary>
/// Who sees and moves work. IT staff work every item and read internal notes and time; everyone else sees only the
/// items they raised or that were raised for them (requests waiting for their approval, items they follow, major
/// incidents they are a stakeholder of), without internal lines.
/// </summary>
public static class WorkAccess
{
    public static readonly IReadOnlyList<string> WorkerRoles =
    [
        Roles.Agent, Roles.TeamLead, Roles.ProblemManager, Roles.ChangeManager, Roles.CabMember,
        Roles.ServiceOwner, Roles.ItLeader, Roles.Admin,
    ];

    /// <summary>Who may reassign work in bulk and change the desk's settings.</summary>
    public static readonly IReadOnlyList<string> LeadRoles = [Roles.TeamLead, Roles.Admin];

    public static bool IsWorker(ICurrentUser user) => WorkerRoles.Any(user.IsInRole);

    public static Mover MoverOf(ICurrentUser user, WorkItem item) =>
        user.UserId is null ? Mover.System : IsWorker(user) ? Mover.Agent : Mover.Requester;

    /// <summary>The items a caller may open: a filter applied in every query, so lists, search and history obey it alike.</summary>
    public static IQueryable<WorkItem> Visible(
        IQueryable<WorkItem> items, ICurrentUser user, IQueryable<Approval> approvals, IQueryable<WorkFollower> followers, IQueryable<WorkStakeholder> stakeholders)
    {
        if (IsWorker(user))
        {
            return items;
        }
        var me = user.UserId ?? Guid.Empty;
        // Fulfilment tasks are the desk's internal steps: a requester follows the request, not its tasks.
        return items.Where(i => i.Kind != WorkKind.Task
                                && (i.RequesterId == me || i.RequestedForId == me || approvals.Any(a => a.WorkItemId == i.Id && a.ApproverId == me)
                                    || followers.Any(f => f.WorkItemId == i.Id && f.PersonId == me)
                                    || stakeholders.Any(s => s.WorkItemId == i.Id && s.PersonId == me)));
    }
}
