using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Platform.Notifications;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.ServiceLevels;

/// <summary>
/// Moves clocks on as time passes: each run refreshes the clocks due for a look (a warning threshold or a target just
/// passed), tells the assignee (or the team lead when nobody is assigned) about warnings, and on a breach tells the
/// assignee and escalates as the policy says (tell the team lead, or hand the item to another team). Each warning and
/// breach is announced once; several nodes may run it, and a clash with a person's edit is skipped until the next run.
/// </summary>
public sealed class SlaTickHandler(KeelDb db, TimeProvider time, NotificationLinks links) : IJobHandler
{
    public const string JobType = "service-levels.tick";
    public const string Schedule = "every 1m";
    public const int Batch = 200;

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        while (await TickAsync(cancellationToken) == Batch)
        {
        }
    }

    /// <summary>Looks at one batch of items with clocks due for a look; returns how many items it looked at.</summary>
    public async Task<int> TickAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ids = await db.Set<ServiceLevelClock>().Where(c => c.NextCheckAt <= now)
            .OrderBy(c => c.NextCheckAt).Select(c => c.WorkItemId).Distinct().Take(Batch).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }
        var items = await db.Set<WorkItem>().Where(w => ids.Contains(w.Id)).ToListAsync(ct);
        db.SuppressClocks = true;
        await new ClockTracker(db).RefreshAsync(items, now, repick: false, ct);
        var clocks = db.ChangeTracker.Entries<ServiceLevelClock>().Select(e => e.Entity).Where(c => c.HasNews).ToList();
        var policies = await PoliciesAsync(clocks, ct);
        var leads = await LeadsAsync(items.Select(i => i.TeamId).Concat(policies.Values.Select(p => p.EscalationTeamId)), ct);
        var intents = new List<(NotificationIntent, WorkItem, Guid?)>();
        foreach (var clock in clocks)
        {
            var item = items.First(i => i.Id == clock.WorkItemId);
            var owner = item.AssigneeId ?? (item.TeamId is { } team ? leads.GetValueOrDefault(team) : null);
            if (clock.State == ClockState.Breached)
            {
                var detail = $"its {clock.Name.ToLowerInvariant()} target of {Minutes(clock.Terms.TargetMinutes)} ({clock.PolicyName})";
                var told = new List<Guid?> { owner };
                if (policies.TryGetValue(clock.PolicyId, out var policy))
                {
                    told.Add(Escalate(policy, item, leads, now));
                }
                intents.AddRange(told.OfType<Guid>().Distinct().Select(p => (new NotificationIntent(p, NotificationEvent.SlaBreached, false, detail), item, (Guid?)null)));
            }
            else
            {
                var detail = $"{clock.Warning} % of its {clock.Name.ToLowerInvariant()} time ({Minutes(clock.Terms.TargetMinutes)}, {clock.PolicyName})";
                if (owner is { } person)
                {
                    intents.Add((new NotificationIntent(person, NotificationEvent.SlaWarning, false, detail), item, null));
                }
            }
            clock.MarkAnnounced();
        }
        await NotificationWriter.AddAsync(db, links, intents, now, ct);
        var conflict = await db.SaveOrConflictAsync(ct);
        db.SuppressClocks = false;
        db.ChangeTracker.Clear();
        return conflict is null ? items.Count : 0;
    }

    /// <summary>Escalates a breached item as its policy says; returns the person to tell besides the owner.</summary>
    private static Guid? Escalate(ServiceLevelPolicy policy, WorkItem item, Dictionary<Guid, Guid?> leads, DateTime now)
    {
        switch (policy.Escalation)
        {
            case Escalation.ReassignToTeam when policy.EscalationTeamId is { } team && team != item.TeamId && item.IsOpen:
                item.Assign(team, null, null, now);
                return leads.GetValueOrDefault(team);
            case Escalation.NotifyTeamLead when item.TeamId is { } own:
                return leads.GetValueOrDefault(own);
            default:
                return null;
        }
    }

    private async Task<Dictionary<Guid, ServiceLevelPolicy>> PoliciesAsync(List<ServiceLevelClock> clocks, CancellationToken ct)
    {
        var ids = clocks.Select(c => c.PolicyId).Distinct().ToList();
        return await db.Set<ServiceLevelPolicy>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }

    private async Task<Dictionary<Guid, Guid?>> LeadsAsync(IEnumerable<Guid?> teams, CancellationToken ct)
    {
        var ids = teams.OfType<Guid>().Distinct().ToList();
        return await db.Set<Team>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.LeadId, ct);
    }

    private static string Minutes(int minutes) => minutes % 60 == 0 ? $"{minutes / 60} business hours" : $"{minutes} business minutes";
}
