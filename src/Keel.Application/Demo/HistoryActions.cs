using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// A clock for one item's life: each step moves it forward (never back) and is refused once it would pass the end
/// (the seed's now), so the item stays in whatever state it had reached by then.
/// </summary>
internal sealed class Timeline(DateTime start, DateTime end)
{
    public DateTime At { get; private set; } = start;

    public bool Stopped { get; private set; }

    public bool Reach(DateTime at)
    {
        if (Stopped)
        {
            return false;
        }
        if (at < At)
        {
            at = At;
        }
        if (at > end)
        {
            Stopped = true;
            return false;
        }
        At = at;
        return true;
    }
}

/// <summary>
/// The use cases' writes, done in memory: the same domain calls and the same history lines as IncidentService,
/// RequestService, WorkItemService, ConversationService, ApprovalService, WorkEffects and AutoCloseHandler, without
/// a save per step. Each call counts as one save of the item (its version goes up as the audit interceptor's would).
/// </summary>
internal sealed class HistoryActions(HistoryWorld world, WorkHistory history, DemoRandom ids)
{
    public string AutoCloseReason { get; } = $"Closed automatically {world.Settings.AutoCloseAfter.TotalDays:0.#} days after resolution.";

    public void Move(WorkItem item, TransitionRequest request, Guid? actorId, Mover mover, DateTime at)
    {
        if (item.Transition(request, new TransitionContext(actorId, mover, at, world.Settings.ReopenWindow)) is { } error)
        {
            throw new InvalidOperationException($"Demo history: {item.Number} {item.State} → {request.To}: {error.Message}");
        }
    }

    public void Saved(params WorkItem[] items)
    {
        foreach (var item in items)
        {
            item.Version++;
        }
    }

    public void Assign(WorkItem item, Guid? teamId, Guid? assigneeId, Guid? actorId, DateTime at)
    {
        item.Assign(teamId, assigneeId, actorId, at);
        Saved(item);
    }

    /// <summary>ConversationService.AddCommentAsync: an agent's public reply is the first response; a caller's reply ends waiting for them.</summary>
    public void Comment(WorkItem item, Guid authorId, string body, bool isInternal, bool byWorker, DateTime at)
    {
        history.Comments.Add(new WorkComment { Id = ids.NextGuid(), WorkItemId = item.Id, AuthorId = authorId, Body = body, Internal = isInternal, CreatedAt = at });
        item.Events.Add(new WorkEvent { WorkItemId = item.Id, At = at, ActorId = authorId, Type = WorkEventType.Commented, Internal = isInternal });
        item.UpdatedAt = at;
        if (byWorker && !isInternal)
        {
            item.RecordAgentReply(at);
        }
        if (!byWorker && item is { State: WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller })
        {
            Move(item, new TransitionRequest(WorkState.InProgress, Reason: "The caller replied."), authorId, Mover.System, at);
        }
        Saved(item);
    }

    /// <summary>ConversationService.AddWorkLogAsync, dated on the person's own calendar day.</summary>
    public void Log(WorkItem item, Guid personId, int minutes, string note, DateTime at)
    {
        history.Logs.Add(new WorkLog
        {
            Id = ids.NextGuid(), WorkItemId = item.Id, PersonId = personId, Minutes = minutes, Date = world.LocalDate(personId, at), Note = note, CreatedAt = at,
        });
        item.Events.Add(new WorkEvent { WorkItemId = item.Id, At = at, ActorId = personId, Type = WorkEventType.WorkLogged, Detail = $"{minutes} min", Internal = true });
        item.UpdatedAt = at;
        Saved(item);
    }

    /// <summary>AutoCloseHandler: the job runs every 15 minutes and closes what was resolved longer ago than the desk's setting.</summary>
    public DateTime AutoCloseTime(WorkItem item, DemoRandom random) =>
        item.ResolvedAt!.Value + world.Settings.AutoCloseAfter + TimeSpan.FromMinutes(1 + random.Next(15));

    public void AutoClose(WorkItem item, DateTime at)
    {
        Move(item, new TransitionRequest(WorkState.Closed, Reason: AutoCloseReason), null, Mover.System, at);
        Saved(item);
    }
}
