namespace Keel.Domain.Platform;

/// <summary>A group of people who work queues together, with a team lead.</summary>
public sealed class Team : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid? LeadId { get; set; }

    /// <summary>What one hour of this team's work costs, in minor units; used by service cost later.</summary>
    public long HourlyRateMinor { get; set; }

    public long Version { get; set; }
    public List<TeamMember> Members { get; set; } = [];
}

public sealed class TeamMember : IAudited
{
    public Guid TeamId { get; set; }
    public Guid UserId { get; set; }
}
