using Keel.Domain.Services.Catalog;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// A catalogue request from submission to close, as RequestService, ApprovalService and WorkEffects move it: routed to
/// the service's team with its fulfilment tasks (pending), approved or rejected by the requester's manager or the
/// service owner, tasks opened in order and done by members of their teams, fulfilled with the last task, closed three
/// days later; a few cancelled by their requester while waiting for approval.
/// </summary>
internal sealed class RequestLife(HistoryWorld world, HistoryActions act, WorkHistory history, DemoRandom random, DemoRandom ids)
{
    private readonly Dictionary<Guid, List<WorkItem>> tasksOf = [];
    private readonly Dictionary<Guid, Approval> approvalOf = [];

    /// <summary>RequestService.CreateAsync: Created, routing, pending tasks, then awaiting approval or straight into fulfilment.</summary>
    public IReadOnlyList<WorkItem> Raise(WorkPlan plan, string number, Guid id, Func<string> nextTaskNumber)
    {
        var catalogItem = plan.CatalogItem!;
        var service = plan.Service;
        var at = plan.CreatedAt;
        var requester = plan.Requester.Id;
        var request = new WorkItem
        {
            Id = id,
            Kind = WorkKind.Request,
            Number = number,
            Title = catalogItem.Name,
            Description = catalogItem.Description,
            ServiceId = service.Id,
            CatalogItemId = catalogItem.Id,
            Answers = DemoAnswers.For(catalogItem, plan.Requester, world, random, at),
            RequesterId = requester,
        };
        request.Priority = world.Settings.Matrix.PriorityOf(request.Impact, request.Urgency);
        request.Open(requester, at);
        request.Assign(service.DeliveringTeamId, null, null, at);
        plan.Item = request;
        var tasks = new List<WorkItem>();
        foreach (var template in catalogItem.Tasks.OrderBy(t => t.Order))
        {
            var task = new WorkItem
            {
                Id = ids.NextGuid(), Kind = WorkKind.Task, Number = nextTaskNumber(), Title = template.Title, ServiceId = service.Id,
                RequesterId = requester, ParentId = request.Id, TaskOrder = template.Order, Priority = request.Priority,
            };
            task.Open(null, at);
            task.Assign(template.TeamId, null, null, at);
            tasks.Add(task);
        }
        tasksOf[request.Id] = tasks;
        if (Approver(catalogItem.Approval, service, requester) is { } approver)
        {
            var approval = new Approval { Id = ids.NextGuid(), WorkItemId = request.Id, ApproverId = approver, RequestedAt = at };
            history.Approvals.Add(approval);
            approvalOf[request.Id] = approval;
            act.Move(request, new TransitionRequest(WorkState.AwaitingApproval), null, Mover.System, at);
        }
        else
        {
            act.Move(request, new TransitionRequest(WorkState.InFulfilment), null, Mover.System, at);
            StartNextTasks(request, tasks, null, at);
        }
        return tasks;
    }

    public void Live(WorkPlan plan)
    {
        var request = plan.Item!;
        var tasks = tasksOf[request.Id];
        var line = new Timeline(request.CreatedAt, world.Now);
        var requester = request.RequesterId;
        if (approvalOf.TryGetValue(request.Id, out var approval) && !Decide(request, tasks, approval, line))
        {
            return;
        }
        var questionAsked = false;
        foreach (var group in tasks.GroupBy(t => t.TaskOrder).OrderBy(g => g.Key))
        {
            var steps = new List<(DateTime At, Action Do)>();
            var span = plan.CatalogItem!.ExpectedDelivery / Math.Max(1, tasks.Select(t => t.TaskOrder).Distinct().Count());
            foreach (var task in group)
            {
                var team = task.TeamId ?? world.Desk.Id;
                var engineer = world.Workers[team][random.Next(world.Workers[team].Count)].Id;
                var taken = world.WorkingTime(engineer, line.At + random.Between(TimeSpan.FromMinutes(10), TimeSpan.FromDays(1)), random);
                // Now and then a step waits on a supplier's delivery or a busy specialist well past its plan.
                var takes = random.Chance(0.06) ? random.Between(span, span * 3) : random.Between(TimeSpan.FromMinutes(30), span);
                var done = world.WorkingTime(engineer, taken + takes, random);
                steps.Add((taken, () => Take(request, task, engineer, line.At)));
                steps.Add((done, () => Finish(request, tasks, task, engineer, line.At)));
                if (!questionAsked && random.Chance(0.2))
                {
                    questionAsked = true;
                    var asked = world.WorkingTime(requester, taken + random.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(1)), random);
                    steps.Add((asked, () => act.Comment(request, requester, WorkPhrases.RequestQuestions[random.Next(WorkPhrases.RequestQuestions.Count)],
                        isInternal: false, byWorker: false, line.At)));
                    var answered = world.WorkingTime(engineer, asked + random.Between(TimeSpan.FromMinutes(10), TimeSpan.FromHours(4)), random);
                    steps.Add((answered, () => act.Comment(request, engineer, "It is in progress; we expect to finish within the promised time.",
                        isInternal: false, byWorker: true, line.At)));
                }
            }
            foreach (var (at, step) in steps.OrderBy(s => s.At))
            {
                if (!line.Reach(at))
                {
                    return;
                }
                step();
            }
        }
        if (request.State == WorkState.Fulfilled)
        {
            if (random.Chance(0.6) && request.AssigneeId is { } fulfiller && line.Reach(line.At.AddMinutes(1 + random.Next(10))))
            {
                act.Comment(request, fulfiller, WorkPhrases.FulfilledReplies[random.Next(WorkPhrases.FulfilledReplies.Count)], isInternal: false, byWorker: true, line.At);
            }
            if (line.Reach(act.AutoCloseTime(request, random)))
            {
                act.AutoClose(request, line.At);
            }
        }
    }

    /// <summary>The approver decides (ApprovalService), unless the requester cancels first; false when the request goes no further.</summary>
    private bool Decide(WorkItem request, List<WorkItem> tasks, Approval approval, Timeline line)
    {
        var requester = request.RequesterId;
        if (random.Chance(0.03))
        {
            if (line.Reach(world.WorkingTime(requester, request.CreatedAt + random.Between(TimeSpan.FromHours(1), TimeSpan.FromDays(2)), random)))
            {
                var cancel = new TransitionRequest(WorkState.Cancelled, Reason: WorkPhrases.CancelReasons[random.Next(WorkPhrases.CancelReasons.Count)]);
                act.Move(request, cancel, requester, Mover.Requester, line.At);
                Stop(request, tasks, approval, requester, line.At);
            }
            return false;
        }
        if (!line.Reach(world.WorkingTime(approval.ApproverId, request.CreatedAt + random.Between(TimeSpan.FromMinutes(20), TimeSpan.FromDays(3)), random)))
        {
            return false;
        }
        approval.DecidedAt = line.At;
        approval.Version++;
        if (random.Chance(0.06))
        {
            approval.State = ApprovalState.Rejected;
            approval.Reason = WorkPhrases.RejectionReasons[random.Next(WorkPhrases.RejectionReasons.Count)];
            act.Move(request, new TransitionRequest(WorkState.Rejected, Reason: approval.Reason), approval.ApproverId, Mover.System, line.At);
            Stop(request, tasks, approval, approval.ApproverId, line.At);
            return false;
        }
        approval.State = ApprovalState.Approved;
        act.Move(request, new TransitionRequest(WorkState.Approved), approval.ApproverId, Mover.System, line.At);
        act.Move(request, new TransitionRequest(WorkState.InFulfilment), approval.ApproverId, Mover.System, line.At);
        StartNextTasks(request, tasks, approval.ApproverId, line.At);
        act.Saved(request);
        return true;
    }

    /// <summary>WorkEffects for a cancelled or rejected request: pending approvals withdrawn, open tasks cancelled.</summary>
    private void Stop(WorkItem request, List<WorkItem> tasks, Approval approval, Guid actorId, DateTime at)
    {
        if (approval.State == ApprovalState.Pending)
        {
            approval.State = ApprovalState.Withdrawn;
            approval.DecidedAt = at;
            approval.Version++;
        }
        foreach (var task in tasks.Where(t => t.IsOpen))
        {
            act.Move(task, new TransitionRequest(WorkState.Cancelled, Reason: $"{request.Number} was cancelled."), actorId, Mover.System, at);
            act.Saved(task);
        }
        act.Saved(request);
    }

    /// <summary>A member of the task's team takes it and starts; the first one also takes the request itself.</summary>
    private void Take(WorkItem request, WorkItem task, Guid engineer, DateTime at)
    {
        act.Assign(task, task.TeamId, engineer, engineer, at);
        act.Move(task, new TransitionRequest(WorkState.InProgress), engineer, Mover.Agent, at);
        act.Saved(task);
        if (request.AssigneeId is null && request.TeamId is { } team && world.Workers[team].Any(w => w.Id == engineer))
        {
            act.Assign(request, team, engineer, engineer, at);
            if (random.Chance(0.7))
            {
                act.Comment(request, engineer, "I have started on your request.", isInternal: false, byWorker: true, at);
            }
        }
    }

    private void Finish(WorkItem request, List<WorkItem> tasks, WorkItem task, Guid engineer, DateTime at)
    {
        act.Log(task, engineer, 20 + random.Next(100), WorkPhrases.WorkNotes[random.Next(WorkPhrases.WorkNotes.Count)], at);
        act.Move(task, new TransitionRequest(WorkState.Done), engineer, Mover.Agent, at);
        act.Saved(task);
        if (request.State == WorkState.InFulfilment)
        {
            StartNextTasks(request, tasks, engineer, at);
        }
    }

    /// <summary>WorkEffects.StartNextTasksAsync: the lowest pending order opens once nothing is open; no task left fulfils the request.</summary>
    private void StartNextTasks(WorkItem request, List<WorkItem> tasks, Guid? actorId, DateTime at)
    {
        if (tasks.Any(t => t.State is WorkState.Open or WorkState.InProgress))
        {
            return;
        }
        var next = tasks.Where(t => t.State == WorkState.Pending).OrderBy(t => t.TaskOrder).ToList();
        if (next.Count > 0)
        {
            foreach (var task in next.Where(t => t.TaskOrder == next[0].TaskOrder))
            {
                act.Move(task, new TransitionRequest(WorkState.Open), actorId, Mover.System, at);
                if (actorId is not null)
                {
                    act.Saved(task);
                }
            }
            return;
        }
        if (tasks.Count > 0 && tasks.Any(t => t.State == WorkState.Done))
        {
            act.Move(request, new TransitionRequest(WorkState.Fulfilled, Reason: "All fulfilment tasks are done."), actorId, Mover.System, at);
            act.Saved(request);
        }
    }

    /// <summary>RequestService's rule: the manager of the person it is for, or the owner; never the requester themselves.</summary>
    private Guid? Approver(ApprovalNeed need, Domain.Services.Service service, Guid requester)
    {
        Guid? approver = need switch
        {
            ApprovalNeed.None => null,
            ApprovalNeed.RequesterManager => world.People[requester].ManagerId ?? service.OwnerId,
            _ => service.OwnerId,
        };
        if (approver == requester)
        {
            approver = service.OwnerId == requester ? null : service.OwnerId;
        }
        return approver;
    }
}
