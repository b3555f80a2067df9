using Keel.Application.Data;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>
/// What follows a move, saved with it: a resolved parent resolves its open children; a cancelled request withdraws
/// its approvals and cancels its tasks; a finished task opens the next ones, and the last one fulfils the request.
/// </summary>
public sealed class WorkEffects(KeelDb db)
{
    public async Task AfterTransitionAsync(WorkItem item, TransitionRequest request, TransitionContext context, CancellationToken ct)
    {
        var system = context with { Mover = Mover.System };
        switch (item.Kind, item.State)
        {
            case (WorkKind.Incident, WorkState.Resolved):
                foreach (var child in await OpenChildrenAsync(item.Id, ct))
                {
                    child.Transition(request with { ResolutionNote = $"Resolved with its parent {item.Number}: {request.ResolutionNote}" }, system);
                }
                break;
            case (WorkKind.Request, WorkState.Cancelled or WorkState.Rejected):
                await WithdrawApprovalsAsync(item.Id, context.Now, ct);
                foreach (var task in await OpenChildrenAsync(item.Id, ct))
                {
                    task.Transition(new TransitionRequest(WorkState.Cancelled, Reason: $"{item.Number} was cancelled."), system);
                }
                break;
            case (WorkKind.Request, WorkState.InFulfilment):
                await StartNextTasksAsync(item, [], system, ct);
                break;
            case (WorkKind.Task, WorkState.Done or WorkState.Cancelled) when item.ParentId is { } parentId:
                var parent = await db.Set<WorkItem>().FirstOrDefaultAsync(w => w.Id == parentId, ct);
                if (parent is { State: WorkState.InFulfilment })
                {
                    await StartNextTasksAsync(parent, [item], system, ct);
                }
                break;
        }
    }

    /// <summary>
    /// Opens the pending tasks of the lowest order once every task before them is finished; when no task is left
    /// to do, the request is fulfilled. <paramref name="justChanged"/> are tracked tasks whose new state is not saved yet.
    /// </summary>
    public async Task StartNextTasksAsync(WorkItem request, IReadOnlyList<WorkItem> justChanged, TransitionContext system, CancellationToken ct)
    {
        var stored = await db.Set<WorkItem>().Where(w => w.ParentId == request.Id && w.Kind == WorkKind.Task).ToListAsync(ct);
        var tasks = stored.Select(t => justChanged.FirstOrDefault(c => c.Id == t.Id) ?? t)
            .Concat(db.ChangeTracker.Entries<WorkItem>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
                .Where(t => t.ParentId == request.Id && t.Kind == WorkKind.Task && stored.All(s => s.Id != t.Id)))
            .ToList();
        if (tasks.Any(t => t.State is WorkState.Open or WorkState.InProgress))
        {
            return;
        }
        var next = tasks.Where(t => t.State == WorkState.Pending).OrderBy(t => t.TaskOrder).ToList();
        if (next.Count > 0)
        {
            var order = next[0].TaskOrder;
            foreach (var task in next.Where(t => t.TaskOrder == order))
            {
                task.Transition(new TransitionRequest(WorkState.Open), system);
            }
            return;
        }
        if (tasks.Count > 0 && tasks.Any(t => t.State == WorkState.Done))
        {
            request.Transition(new TransitionRequest(WorkState.Fulfilled, Reason: "All fulfilment tasks are done."), system);
        }
    }

    private Task<List<WorkItem>> OpenChildrenAsync(Guid parentId, CancellationToken ct) =>
        ServiceWorkCounter.Open(db.Set<WorkItem>().Where(w => w.ParentId == parentId)).ToListAsync(ct);

    private async Task WithdrawApprovalsAsync(Guid itemId, DateTime now, CancellationToken ct)
    {
        foreach (var approval in await db.Set<Approval>().Where(a => a.WorkItemId == itemId && a.State == ApprovalState.Pending).ToListAsync(ct))
        {
            approval.State = ApprovalState.Withdrawn;
            approval.DecidedAt = now;
        }
    }
}
