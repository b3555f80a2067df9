namespace Keel.Domain.Work;

/// <summary>A team member as the picker sees them: how much open work they hold and when they were last given some.</summary>
public sealed record AgentLoad(Guid PersonId, int OpenItems, DateTime? LastAssignedAt);

/// <summary>Chooses the member of a team who gets a new item, by the team's strategy. Ties go to the lowest id, so the choice is repeatable.</summary>
public static class AgentPicker
{
    public static Guid? Pick(AgentStrategy strategy, IReadOnlyCollection<AgentLoad> members) => members.Count == 0 ? null : strategy switch
    {
        AgentStrategy.Manual => null,
        AgentStrategy.RoundRobin => members
            .OrderBy(m => m.LastAssignedAt ?? DateTime.MinValue).ThenBy(m => m.PersonId).First().PersonId,
        AgentStrategy.LeastLoaded => members
            .OrderBy(m => m.OpenItems).ThenBy(m => m.LastAssignedAt ?? DateTime.MinValue).ThenBy(m => m.PersonId).First().PersonId,
    };
}
