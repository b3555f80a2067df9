using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Services;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// The demo's service-level policies, tried in this order: a faster P1 for the plants' production planning and a
/// round-the-clock P2 for remote access (where the profile has those services), one incident SLA per priority, one SLA
/// for catalogue requests, and an OLA for each team's fulfilment tasks.
/// </summary>
internal static class DemoPolicies
{
    public static List<ServiceLevelPolicy> Build(DemoRandom ids, IReadOnlyList<Service> services, IReadOnlyList<Team> teams, Guid office, Guid aroundTheClock)
    {
        var policies = new List<ServiceLevelPolicy>();
        void Add(ServiceLevelPolicy policy)
        {
            policy.Id = ids.NextGuid();
            policy.Order = (policies.Count + 1) * 10;
            policies.Add(policy);
        }

        // The plants run three shifts: a stopped planning system is fixed around the clock, and faster.
        if (services.FirstOrDefault(s => s.Name == "Production Planning") is { } planning)
        {
            Add(Incidents($"{planning.Name} P1", aroundTheClock, new(10, TargetUnit.Minutes), new(3, TargetUnit.Hours), 1, planning.Id));
        }
        // People work from home in the evening: a VPN that fails for many is fixed within 12 hours, whenever it fails.
        if (services.FirstOrDefault(s => s.Name == "Remote Access") is { } remote)
        {
            Add(Incidents($"{remote.Name} P2", aroundTheClock, new(30, TargetUnit.Minutes), new(12, TargetUnit.Hours), 2, remote.Id));
        }
        Add(Incidents("Incidents P1", aroundTheClock, new(15, TargetUnit.Minutes), new(4, TargetUnit.Hours), 1));
        Add(Incidents("Incidents P2", office, new(30, TargetUnit.Minutes), new(8, TargetUnit.Hours), 2));
        Add(Incidents("Incidents P3", office, new(4, TargetUnit.Hours), new(3, TargetUnit.BusinessDays), 3));
        Add(Incidents("Incidents P4", office, new(1, TargetUnit.BusinessDays), new(5, TargetUnit.BusinessDays), 4));
        Add(new ServiceLevelPolicy
        {
            Name = "Service requests", Agreement = Agreement.Sla, Kinds = [WorkKind.Request], CalendarId = office,
            Response = new(1, TargetUnit.BusinessDays), Resolution = new(5, TargetUnit.BusinessDays),
        });
        foreach (var team in teams.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            // A task waiting for the one before it (or for approval of its request) is not yet the team's to do.
            Add(new ServiceLevelPolicy
            {
                Name = $"{team.Name} tasks", Agreement = Agreement.Ola, Kinds = [WorkKind.Task], TeamId = team.Id, CalendarId = office,
                Resolution = new(2, TargetUnit.BusinessDays), PauseStates = [WorkState.Pending],
            });
        }

        foreach (var policy in policies)
        {
            ServiceLevelsStep.EnsureValid(policy.Name, policy.Validate);
        }
        return policies;
    }

    private static ServiceLevelPolicy Incidents(string name, Guid calendar, ServiceTarget response, ServiceTarget resolution, int priority, Guid? serviceId = null) => new()
    {
        Name = name, Agreement = Agreement.Sla, Kinds = [WorkKind.Incident], ServiceId = serviceId, Priorities = [priority], CalendarId = calendar,
        Response = response, Resolution = resolution,
    };
}
