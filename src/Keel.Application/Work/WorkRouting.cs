using Keel.Application.Data;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>
/// Routes new work by <see cref="WorkRouter.Decide"/>: the first matching assignment rule names the team and how it hands
/// work out; without a rule, incidents go to the desk's default team and everything else to the service's delivering
/// team, left unassigned. The admins' rule tester asks the same question through <see cref="PreviewAsync"/>.
/// </summary>
public sealed class WorkRouting(KeelDb db)
{
    public async Task RouteAsync(WorkItem item, WorkSettings settings, DateTime now, CancellationToken ct)
    {
        var (route, assignee) = await PreviewAsync(RoutingFacts.Of(item), item.TeamId, settings, ct);
        item.Assign(route.TeamId, assignee ?? item.AssigneeId, null, now);
    }

    /// <summary>Where an item with these facts would go now, and which agent the rule's strategy would choose.</summary>
    public async Task<(WorkRoute Route, Guid? Assignee)> PreviewAsync(RoutingFacts facts, Guid? itemTeamId, WorkSettings settings, CancellationToken ct)
    {
        var rules = await db.Set<AssignmentRule>().AsNoTracking().ToListAsync(ct);
        var route = WorkRouter.Decide(rules, facts, itemTeamId, settings.DefaultIncidentTeamId, serviceTeamId: null);
        if (route.Source == RouteSource.Nowhere)
        {
            // The service's delivering team is the last resort: read it only when nothing before it decided.
            var serviceTeam = await db.Set<Service>().Where(s => s.Id == facts.ServiceId).Select(s => (Guid?)s.DeliveringTeamId).FirstOrDefaultAsync(ct);
            route = WorkRouter.Decide(rules, facts, itemTeamId, settings.DefaultIncidentTeamId, serviceTeam);
        }
        var assignee = route is { TeamId: { } team, Strategy: not AgentStrategy.Manual } ? await PickAsync(team, route.Strategy, ct) : null;
        return (route, assignee);
    }

    /// <summary>The team member the strategy chooses, from open work held and the last time each was given work.</summary>
    public async Task<Guid?> PickAsync(Guid teamId, AgentStrategy strategy, CancellationToken ct)
    {
        var members = await ActiveMembers(db, teamId).ToListAsync(ct);
        if (members.Count == 0)
        {
            return null;
        }
        var open = await ServiceWorkCounter.Open(db.Set<WorkItem>().Where(w => w.AssigneeId != null && members.Contains(w.AssigneeId.Value)))
            .GroupBy(w => w.AssigneeId!.Value).Select(g => new { Id = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Id, g => g.Count, ct);
        var names = members.Select(m => m.ToString()).ToList();
        var last = await db.Set<WorkEvent>().Where(e => e.Field == "assignee" && e.To != null && names.Contains(e.To))
            .GroupBy(e => e.To!).Select(g => new { Id = g.Key, At = g.Max(e => e.At) }).ToListAsync(ct);
        var lastById = last.ToDictionary(l => Guid.Parse(l.Id), l => (DateTime?)l.At);
        return AgentPicker.Pick(strategy, members.Select(m => new AgentLoad(m, open.GetValueOrDefault(m), lastById.GetValueOrDefault(m))).ToList());
    }

    /// <summary>The team's members who can still be given work (inactive people are skipped).</summary>
    internal static IQueryable<Guid> ActiveMembers(KeelDb db, Guid teamId) =>
        db.Set<TeamMember>().Where(m => m.TeamId == teamId).Join(db.Users.Where(u => u.IsActive), m => m.UserId, u => u.Id, (m, u) => m.UserId);
}
