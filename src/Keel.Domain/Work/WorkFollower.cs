namespace Keel.Domain.Work;

/// <summary>
/// Someone else affected by an item, who sees it and hears about it like its requester: set when a duplicate is
/// merged into its original, so the duplicate's requester follows the original to its resolution.
/// </summary>
public sealed class WorkFollower
{
    public Guid WorkItemId { get; set; }
    public Guid PersonId { get; set; }
    public DateTime Since { get; set; }
}
