using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>API.md's body for raising a request: a catalogue item, the answers to its form, and optionally who it is for.</summary>
public sealed record RequestDraft(Guid? CatalogItemId, JsonElement? Answers, string? RequestedFor);

/// <summary>
/// Raising a catalogue request: the answers are checked by the same validator the portal uses, approvals are asked
/// of the requester's manager or the service owner, and the item's fulfilment tasks are created (pending) at once.
/// </summary>
public sealed class RequestService(
    KeelDb db, ICurrentUser user, TimeProvider time, WorkViews views, WorkRouting routing, CatalogService catalog, WorkEffects effects)
{
    public async Task<Result<WorkItemView>> CreateAsync(RequestDraft draft, CancellationToken ct)
    {
        if (draft.CatalogItemId is not { } catalogItemId)
        {
            return Error.Validation("catalogItemId", "is required.");
        }
        var answers = await catalog.ValidateAnswersAsync(catalogItemId, draft.Answers ?? JsonDocument.Parse("{}").RootElement, ct);
        if (!answers.IsSuccess)
        {
            return answers.Error!.Code == "not_found" ? Error.Validation("catalogItemId", "is not an item you can request.") : answers.Error!;
        }
        var item = await db.Set<CatalogItem>().AsNoTracking().FirstAsync(i => i.Id == catalogItemId, ct);
        var service = await db.Set<Service>().AsNoTracking().FirstAsync(s => s.Id == item.ServiceId, ct);
        var errors = new FieldErrors();
        if (!item.Active || service.Lifecycle != ServiceLifecycle.Live)
        {
            errors.Add("catalogItemId", "is not offered at the moment.");
        }
        var requestedFor = draft.RequestedFor is null ? user.UserId : await WorkPeople.RequesterAsync(db, user, draft.RequestedFor, errors, ct);
        if (errors.Any)
        {
            return errors.ToError();
        }

        var now = time.GetUtcNow().UtcDateTime;
        var settings = await WorkSettingsService.CurrentAsync(db, ct);
        var request = new WorkItem
        {
            Kind = WorkKind.Request,
            Title = item.Name,
            Description = item.Description,
            ServiceId = service.Id,
            CatalogItemId = item.Id,
            Answers = answers.Value.GetRawText(),
            RequesterId = user.UserId ?? Guid.Empty,
            RequestedForId = requestedFor == user.UserId ? null : requestedFor,
        };
        request.Priority = settings.Matrix.PriorityOf(request.Impact, request.Urgency);
        request.Number = await WorkNumbers.NextAsync(db, WorkKind.Request, ct);
        request.Open(user.UserId, now);
        await routing.RouteAsync(request, settings, now, ct);
        await Keel.Application.Balance.WorkClassifier.DefaultsAsync(db, request, ct);
        db.Add(request);
        await AddTasksAsync(request, item, now, ct);

        var system = new TransitionContext(null, Mover.System, now, settings.ReopenWindow);
        var approver = await ApproverAsync(item.Approval, service, requestedFor ?? request.RequesterId, ct);
        if (approver is { } approverId)
        {
            db.Add(new Approval { WorkItemId = request.Id, ApproverId = approverId, RequestedAt = now });
            request.Transition(new TransitionRequest(WorkState.AwaitingApproval), system);
        }
        else
        {
            var start = new TransitionRequest(WorkState.InFulfilment);
            request.Transition(start, system);
            await effects.AfterTransitionAsync(request, start, system, ct);
        }
        await db.SaveChangesAsync(ct);
        return await views.OneAsync(request, ct);
    }

    /// <summary>
    /// Who decides: the manager of the person the request is for, or the service's owner. Nobody approves a request
    /// for themselves: when the approver would be that person, the owner decides, and if they are the owner too the
    /// request needs no approval.
    /// </summary>
    private async Task<Guid?> ApproverAsync(ApprovalNeed need, Service service, Guid requestedFor, CancellationToken ct)
    {
        Guid? approver = need switch
        {
            ApprovalNeed.None => null,
            ApprovalNeed.RequesterManager => await db.Users.Where(u => u.Id == requestedFor).Select(u => u.ManagerId).FirstOrDefaultAsync(ct) ?? service.OwnerId,
            ApprovalNeed.ServiceOwner => service.OwnerId,
        };
        if (approver == requestedFor || approver == user.UserId)
        {
            approver = service.OwnerId == requestedFor || service.OwnerId == user.UserId ? null : service.OwnerId;
        }
        return approver;
    }

    private async Task AddTasksAsync(WorkItem request, CatalogItem item, DateTime now, CancellationToken ct)
    {
        if (item.Tasks.Count == 0)
        {
            return;
        }
        var first = await WorkNumbers.ReserveAsync(db, WorkKind.Task, item.Tasks.Count, ct);
        foreach (var (template, index) in item.Tasks.OrderBy(t => t.Order).Select((t, i) => (t, i)))
        {
            var task = new WorkItem
            {
                Kind = WorkKind.Task,
                Number = WorkNumber.Format(WorkKind.Task, first + index),
                Title = template.Title,
                ServiceId = request.ServiceId,
                RequesterId = request.RequesterId,
                RequestedForId = request.RequestedForId,
                ParentId = request.Id,
                TaskOrder = template.Order,
                Priority = request.Priority,
            };
            task.Open(null, now);
            task.Assign(template.TeamId, null, null, now);
            await Keel.Application.Balance.WorkClassifier.DefaultsAsync(db, task, ct, parent: request);
            db.Add(task);
        }
    }
}
