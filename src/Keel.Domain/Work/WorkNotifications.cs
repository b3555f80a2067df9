using Keel.Domain.Platform.Notifications;

namespace Keel.Domain.Work;

/// <summary>Who is told about a history line: <see cref="ForRequester"/> messages link to the portal, the others to the workspace.</summary>
/// <param name="NextUpdateAt">A stakeholder update's promised next update, written in each recipient's own time zone.</param>
public sealed record NotificationIntent(Guid RecipientId, NotificationEvent Event, bool ForRequester, string? Detail, DateTime? NextUpdateAt = null);

/// <summary>
/// The rules of who hears about what on a work item. Nobody is told about their own action; requesters hear about
/// replies, requests for their answer, resolution and approval decisions, never about internal lines; agents hear
/// about work assigned to them and replies from the person the item is for. A major incident's stakeholders hear its
/// stakeholder updates and its resolution (not every reply), as do its requester and followers.
/// </summary>
public static class WorkNotifications
{
    /// <param name="followers">People who follow the item (requesters of merged duplicates): told what its requester is told.</param>
    /// <param name="stakeholders">A major incident's stakeholders: told its stakeholder updates and its resolution.</param>
    public static IEnumerable<NotificationIntent> For(
        WorkItem item, WorkEvent line, string? commentBody = null, IReadOnlyCollection<Guid>? followers = null, IReadOnlyCollection<Guid>? stakeholders = null)
    {
        var requester = item.RequestedForId ?? item.RequesterId;
        var intents = new List<NotificationIntent>();
        var forRequester = item.Kind != WorkKind.Task;
        switch (line.Type)
        {
            case WorkEventType.FieldChanged when line.Field == "assignee" && Guid.TryParse(line.To, out var assignee):
                intents.Add(new(assignee, NotificationEvent.Assigned, false, null));
                break;
            case WorkEventType.Commented when !line.Internal:
                var byRequester = line.ActorId == item.RequesterId || line.ActorId == item.RequestedForId;
                if (byRequester && item.AssigneeId is { } worker)
                {
                    intents.Add(new(worker, NotificationEvent.RequesterReplied, false, commentBody));
                }
                else if (!byRequester && forRequester)
                {
                    intents.Add(new(requester, NotificationEvent.AgentReplied, true, commentBody));
                }
                break;
            case WorkEventType.StateChanged when forRequester:
                var to = Enum.TryParse<WorkState>(line.To, out var state) ? state : (WorkState?)null;
                if (to == WorkState.OnHold && line.Detail == nameof(HoldReason.AwaitingCaller))
                {
                    intents.Add(new(requester, NotificationEvent.AwaitingYourReply, true, null));
                }
                else if (to is WorkState.Resolved or WorkState.Fulfilled)
                {
                    intents.Add(new(requester, NotificationEvent.Resolved, true, item.ResolutionNote ?? line.Detail));
                }
                else if (to is WorkState.Approved or WorkState.Rejected)
                {
                    intents.Add(new(requester, NotificationEvent.ApprovalDecided, true,
                        to == WorkState.Approved ? "approved" : $"rejected: {line.Detail}"));
                }
                break;
            case WorkEventType.UpdateSent when forRequester:
                intents.Add(new(requester, NotificationEvent.StakeholderUpdate, true, commentBody));
                break;
        }
        var toStakeholders = intents.Where(i => i.RecipientId == requester && i.Event is NotificationEvent.StakeholderUpdate or NotificationEvent.Resolved)
            .SelectMany(i => (stakeholders ?? []).Select(s => i with { RecipientId = s })).ToList();
        var toFollowers = intents.Where(i => i.ForRequester && i.RecipientId == requester)
            .SelectMany(i => (followers ?? []).Select(f => i with { RecipientId = f })).ToList();
        return intents.Concat(toFollowers).Concat(toStakeholders).Where(i => i.RecipientId != Guid.Empty && i.RecipientId != line.ActorId).DistinctBy(i => (i.RecipientId, i.Event));
    }
}
