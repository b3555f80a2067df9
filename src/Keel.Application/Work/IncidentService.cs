using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>API.md's body for raising an incident; <see cref="Requester"/> is a user name (default: the caller).</summary>
public sealed record IncidentDraft(
    string? Title, string? Description, Guid? ServiceId, Guid? ConfigurationItemId, string? Requester,
    int? Impact, int? Urgency, string? Category, string? Parent = null);

/// <summary>Raising incidents (by staff for anyone, by requesters for themselves against a service offered to them).</summary>
public sealed class IncidentService(KeelDb db, ICurrentUser user, TimeProvider time, WorkViews views, WorkRouting routing)
{
    public async Task<Result<WorkItemView>> CreateAsync(IncidentDraft draft, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var requester = await WorkPeople.RequesterAsync(db, user, draft.Requester, errors, ct);
        var item = new WorkItem
        {
            Kind = WorkKind.Incident,
            Title = draft.Title?.Trim() ?? "",
            Description = draft.Description ?? "",
            ServiceId = draft.ServiceId ?? Guid.Empty,
            ConfigurationItemId = draft.ConfigurationItemId,
            Category = string.IsNullOrWhiteSpace(draft.Category) ? null : draft.Category.Trim(),
            RequesterId = requester ?? Guid.Empty,
            Impact = draft.Impact ?? 3,
            Urgency = draft.Urgency ?? 3,
        };
        item.Validate(errors);
        await CheckReferencesAsync(item, errors, ct);
        if (draft.Parent is not null)
        {
            item.ParentId = await ParentAsync(draft.Parent, errors, ct);
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var settings = await WorkSettingsService.CurrentAsync(db, ct);
        item.Priority = settings.Matrix.PriorityOf(item.Impact, item.Urgency);
        item.Number = await WorkNumbers.NextAsync(db, WorkKind.Incident, ct);
        item.Open(user.UserId, now);
        await routing.RouteAsync(item, settings, now, ct);
        await Keel.Application.Balance.WorkClassifier.DefaultsAsync(db, item, ct);
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return await views.OneAsync(item, ct);
    }

    private async Task CheckReferencesAsync(WorkItem item, FieldErrors errors, CancellationToken ct)
    {
        if (item.ServiceId != Guid.Empty)
        {
            var service = await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == item.ServiceId, ct);
            if (service is null || (!WorkAccess.IsWorker(user) && !await OfferedToCallerAsync(service, ct)))
            {
                errors.Add("serviceId", "is not a service you can raise an incident against.");
            }
            else if (service.Lifecycle == ServiceLifecycle.Retired)
            {
                errors.Add("serviceId", "is retired; choose the service that replaced it.");
            }
        }
        if (item.ConfigurationItemId is { } ci && (!WorkAccess.IsWorker(user) || !await db.Set<ConfigurationItem>().AnyAsync(c => c.Id == ci, ct)))
        {
            errors.Add("configurationItemId", "is not a configuration item.");
        }
    }

    /// <summary>The portal's rule: requesters raise incidents against the services the portal shows them (live, offered to their unit).</summary>
    private async Task<bool> OfferedToCallerAsync(Service service, CancellationToken ct)
    {
        var unit = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.BusinessUnitId).FirstOrDefaultAsync(ct);
        var items = await db.Set<CatalogItem>().AsNoTracking().Where(i => i.ServiceId == service.Id).ToListAsync(ct);
        return items.Any(i => Offering.IsOffered(service, i, unit));
    }

    private async Task<Guid?> ParentAsync(string number, FieldErrors errors, CancellationToken ct)
    {
        if (!WorkAccess.IsWorker(user) || !WorkNumber.TryNormalize(number, WorkKind.Incident, out var normalized))
        {
            errors.Add("parent", "is not an incident.");
            return null;
        }
        var parent = await db.Set<WorkItem>().Where(w => w.Number == normalized).Select(w => new { w.Id, w.ParentId, w.State }).FirstOrDefaultAsync(ct);
        if (parent is null)
        {
            errors.Add("parent", "is not an incident.");
        }
        else if (parent.ParentId is not null)
        {
            errors.Add("parent", "is itself a child incident; link to its parent instead.");
        }
        return parent?.Id;
    }
}

internal static class WorkPeople
{
    /// <summary>The requester named by user name: anyone for IT staff, only themselves for everyone else.</summary>
    public static async Task<Guid?> RequesterAsync(KeelDb db, ICurrentUser user, string? userName, FieldErrors errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.Equals(userName, user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return user.UserId;
        }
        var normalized = userName.Trim().ToUpperInvariant();
        var id = WorkAccess.IsWorker(user)
            ? await db.Users.Where(u => u.NormalizedUserName == normalized && u.IsActive).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct)
            : null;
        if (id is null)
        {
            errors.Add("requester", WorkAccess.IsWorker(user) ? "is not an active person's user name." : "must be yourself.");
        }
        return id;
    }
}
