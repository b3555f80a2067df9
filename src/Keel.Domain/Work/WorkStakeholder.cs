namespace Keel.Domain.Work;

/// <summary>
/// Someone kept informed of a major incident (a business unit's head, the service's owner): they read the incident in
/// the portal and receive its stakeholder updates and its resolution, but not every reply to the requester. Kept apart
/// from <see cref="WorkFollower"/> because they hear less, and removing a stakeholder must not drop a merged
/// duplicate's requester from the incident.
/// </summary>
public sealed class WorkStakeholder
{
    public Guid WorkItemId { get; set; }
    public Guid PersonId { get; set; }
    public DateTime Since { get; set; }
    public Guid? AddedById { get; set; }
}
