using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Forms;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

/// <summary>A catalogue item as IT staff and service owners see it, with its fulfilment template.</summary>
public sealed record CatalogItemView(
    Guid Id, Ref Service, string Name, string Description, FormDefinition Form, bool ForEveryone, IReadOnlyList<Guid> BusinessUnitIds,
    ApprovalNeed Approval, IReadOnlyList<FulfilmentTaskTemplate> Tasks, int ExpectedDeliveryHours, bool Active, long Version);

public sealed record CatalogItemDraft(
    Guid? ServiceId, string? Name, string? Description, JsonElement? Form, bool? ForEveryone, IReadOnlyList<Guid>? BusinessUnitIds,
    ApprovalNeed? Approval, JsonElement? Tasks, int? ExpectedDeliveryHours, bool? Active);

/// <summary>What the staff list of catalogue items is narrowed to; null leaves a criterion out.</summary>
public sealed record CatalogFilter(string? Q = null, Guid? ServiceId = null, bool? Active = null);

public sealed record CatalogItemPatch(
    Optional<string?> Name, Optional<string?> Description, Optional<JsonElement?> Form, Optional<bool> ForEveryone,
    Optional<IReadOnlyList<Guid>?> BusinessUnitIds, Optional<ApprovalNeed?> Approval, Optional<JsonElement?> Tasks,
    Optional<int?> ExpectedDeliveryHours, Optional<bool> Active);

/// <summary>
/// The request catalogue. Staff read every item; a requester reads only what the portal offers them (404 for the
/// rest); the service's owner or an admin changes items. Forms are checked by <see cref="FormDefinition"/> on save and
/// answers by <see cref="FormValidator"/>, the same code the portal uses.
/// </summary>
public sealed class CatalogService(KeelDb db, ICurrentUser user)
{
    private static readonly KeysetPager<CatalogItem> Pager = new(i => i.Id, SortKey<CatalogItem>.By("name", i => i.Name));

    public Task<Result<Page<CatalogItemView>>> ListAsync(string? q, Guid? serviceId, PageRequest page, CancellationToken ct) =>
        ListAsync(new CatalogFilter(q, serviceId), page, ct);

    public async Task<Result<Page<CatalogItemView>>> ListAsync(CatalogFilter filter, PageRequest page, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.Forbidden("The portal lists catalogue items through the portal view.");
        }
        var query = Filter(db.Set<CatalogItem>().AsNoTracking(), filter.Q, filter.ServiceId);
        if (filter.Active is { } active)
        {
            query = query.Where(i => i.Active == active);
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? new Page<CatalogItemView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<Page<PortalCatalogItemView>>> ListPortalAsync(string? q, Guid? serviceId, PageRequest page, CancellationToken ct)
    {
        var offered = await OfferedIdsAsync(ct);
        var query = Filter(db.Set<CatalogItem>().AsNoTracking().Where(i => offered.Contains(i.Id)), q, serviceId);
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? result.Value!.Map(PortalView) : result.Error!;
    }

    public async Task<Result<CatalogItemView>> GetAsync(Guid id, CancellationToken ct)
    {
        var item = ServiceAccess.AudienceOf(user) == ServiceAudience.Portal
            ? null
            : await db.Set<CatalogItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        return item is null ? Error.NotFound("The catalogue item") : (await ViewsAsync([item], ct))[0];
    }

    public async Task<Result<PortalCatalogItemView>> GetPortalAsync(Guid id, CancellationToken ct)
    {
        var item = await VisibleAsync(id, ct);
        return item is null ? Error.NotFound("The catalogue item") : PortalView(item);
    }

    public async Task<Result<CatalogItemView>> CreateAsync(CatalogItemDraft draft, CancellationToken ct)
    {
        var service = draft.ServiceId is { } sid ? await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == sid, ct) : null;
        if (service is null)
        {
            return ServiceAccess.AudienceOf(user) == ServiceAudience.Portal
                ? Error.Forbidden("Only service owners and admins add catalogue items.")
                : Error.Validation("serviceId", "is not a known service.");
        }
        if (!ServiceAccess.CanEdit(user, service))
        {
            return ServiceAccess.NotYours();
        }
        var errors = new FieldErrors();
        var item = new CatalogItem
        {
            ServiceId = service.Id,
            Name = draft.Name?.Trim() ?? "",
            Description = draft.Description?.Trim() ?? "",
            Form = ReadJson<FormDefinition>(draft.Form, "form", errors) ?? FormDefinition.Empty,
            ForEveryone = draft.ForEveryone ?? (draft.BusinessUnitIds is not { Count: > 0 }),
            BusinessUnitIds = draft.BusinessUnitIds?.ToList() ?? [],
            Approval = draft.Approval ?? ApprovalNeed.None,
            Tasks = ReadJson<List<FulfilmentTaskTemplate>>(draft.Tasks, "tasks", errors) ?? [],
            ExpectedDelivery = TimeSpan.FromHours(draft.ExpectedDeliveryHours ?? 24),
            Active = draft.Active ?? true,
        };
        if (await ValidateAsync(item, errors, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([item], ct))[0];
    }

    public async Task<Result<CatalogItemView>> UpdateAsync(Guid id, long expectedVersion, CatalogItemPatch patch, CancellationToken ct)
    {
        var item = ServiceAccess.AudienceOf(user) == ServiceAudience.Portal ? null : await db.Set<CatalogItem>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return Error.NotFound("The catalogue item");
        }
        var service = await db.Set<Service>().AsNoTracking().FirstAsync(s => s.Id == item.ServiceId, ct);
        if (!ServiceAccess.CanEdit(user, service))
        {
            return ServiceAccess.NotYours();
        }
        if (item.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var errors = new FieldErrors();
        item.Name = patch.Name.Or(item.Name)?.Trim() ?? "";
        item.Description = patch.Description.Or(item.Description)?.Trim() ?? "";
        if (patch.Form.IsSet)
        {
            item.Form = ReadJson<FormDefinition>(patch.Form.Value, "form", errors) ?? FormDefinition.Empty;
        }
        item.ForEveryone = patch.ForEveryone.Or(item.ForEveryone);
        item.BusinessUnitIds = patch.BusinessUnitIds.IsSet ? patch.BusinessUnitIds.Value?.ToList() ?? [] : item.BusinessUnitIds;
        item.Approval = patch.Approval.Or(item.Approval) ?? ApprovalNeed.None;
        if (patch.Tasks.IsSet)
        {
            item.Tasks = ReadJson<List<FulfilmentTaskTemplate>>(patch.Tasks.Value, "tasks", errors) ?? [];
        }
        if (patch.ExpectedDeliveryHours.IsSet)
        {
            item.ExpectedDelivery = TimeSpan.FromHours(patch.ExpectedDeliveryHours.Value ?? 0);
        }
        item.Active = patch.Active.Or(item.Active);
        if (await ValidateAsync(item, errors, ct) is { } invalid)
        {
            return invalid;
        }
        db.Entry(item).Property(i => i.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<CatalogItemView>)(await ViewsAsync([item], ct))[0];
    }

    /// <summary>Checks a payload of answers against the item's form: the normalized answers, or field errors <c>answers.&lt;key&gt;</c>.</summary>
    public async Task<Result<JsonElement>> ValidateAnswersAsync(Guid id, JsonElement answers, CancellationToken ct)
    {
        var item = await VisibleAsync(id, ct);
        if (item is null)
        {
            return Error.NotFound("The catalogue item");
        }
        var checkedAnswers = FormValidator.Validate(item.Form, answers);
        if (!checkedAnswers.IsSuccess)
        {
            return checkedAnswers.Error!;
        }
        var people = item.Form.Fields.Where(f => f.Type == FieldType.Person)
            .Select(f => checkedAnswers.Value!.TryGet(f.Key, out var v) ? (f.Key, Id: Guid.Parse(v.GetString()!)) : default)
            .Where(p => p.Key is not null).ToList();
        if (people.Count > 0)
        {
            var ids = people.Select(p => p.Id).ToList();
            var known = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
            var errors = new FieldErrors();
            foreach (var (key, personId) in people.Where(p => !known.Contains(p.Id)))
            {
                errors.Add($"answers.{key}", "is not an active person.");
            }
            if (errors.Any)
            {
                return errors.ToError();
            }
        }
        return checkedAnswers.Value!.ToJsonElement();
    }

    internal static PortalCatalogItemView PortalView(CatalogItem i) =>
        new(i.Id, i.ServiceId, i.Name, i.Description, i.Form, i.Approval, (int)Math.Ceiling(i.ExpectedDelivery.TotalHours));

    private static IQueryable<CatalogItem> Filter(IQueryable<CatalogItem> query, string? q, Guid? serviceId)
    {
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(i => i.Name.Contains(text) || i.Description.Contains(text));
        }
        return serviceId is { } sid ? query.Where(i => i.ServiceId == sid) : query;
    }

    /// <summary>The item if the caller may see it: staff see every item, a requester only an offered one.</summary>
    private async Task<CatalogItem?> VisibleAsync(Guid id, CancellationToken ct)
    {
        var item = await db.Set<CatalogItem>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || ServiceAccess.AudienceOf(user) != ServiceAudience.Portal)
        {
            return item;
        }
        var service = await db.Set<Service>().AsNoTracking().FirstAsync(s => s.Id == item.ServiceId, ct);
        return Offering.IsOffered(service, item, await UnitAsync(ct)) ? item : null;
    }

    private async Task<List<Guid>> OfferedIdsAsync(CancellationToken ct)
    {
        var unit = await UnitAsync(ct);
        var live = await db.Set<Service>().AsNoTracking().Where(s => s.Lifecycle == ServiceLifecycle.Live).ToListAsync(ct);
        var liveIds = live.Select(s => s.Id).ToList();
        var items = await db.Set<CatalogItem>().AsNoTracking().Where(i => i.Active && liveIds.Contains(i.ServiceId)).ToListAsync(ct);
        return Offering.For(live, items, unit).SelectMany(x => x.Items).Select(i => i.Id).ToList();
    }

    private async Task<Guid?> UnitAsync(CancellationToken ct) => user.UserId is { } me
        ? await db.Users.Where(u => u.Id == me).Select(u => u.BusinessUnitId).FirstOrDefaultAsync(ct)
        : null;

    private async Task<Error?> ValidateAsync(CatalogItem item, FieldErrors errors, CancellationToken ct)
    {
        if (!errors.Any)
        {
            item.Validate(errors);
        }
        if (!errors.Any && await db.Set<CatalogItem>().AnyAsync(i => i.Id != item.Id && i.ServiceId == item.ServiceId && i.Name == item.Name, ct))
        {
            errors.Add("name", "is already used by another item of this service.");
        }
        if (!errors.Any && item.BusinessUnitIds.Count > 0)
        {
            var ids = item.BusinessUnitIds;
            var known = await db.Set<BusinessUnit>().CountAsync(b => ids.Contains(b.Id), ct);
            if (known != ids.Count)
            {
                errors.Add("businessUnitIds", "names a business unit that does not exist.");
            }
        }
        if (!errors.Any && item.Tasks.Count > 0)
        {
            var teams = item.Tasks.Select(t => t.TeamId).Distinct().ToList();
            var known = await db.Set<Team>().CountAsync(t => teams.Contains(t.Id), ct);
            if (known != teams.Count)
            {
                errors.Add("tasks", "names a team that does not exist.");
            }
        }
        return errors.Any ? errors.ToError() : null;
    }

    /// <summary>Reads a JSON part of the input (form, tasks); an unreadable one is a field error, not an exception.</summary>
    private static T? ReadJson<T>(JsonElement? json, string field, FieldErrors errors) where T : class
    {
        if (json is not { } element || element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }
        try
        {
            return JsonColumn.Read<T>(element.GetRawText());
        }
        catch (JsonException e)
        {
            errors.Add(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? field : field + e.Path.TrimStart('$'), "is not valid here: " + FirstSentence(e.Message));
            return null;
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }

    private async Task<List<CatalogItemView>> ViewsAsync(IReadOnlyList<CatalogItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.ServiceId).Distinct().ToList();
        var names = await db.Set<Service>().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return items.Select(i => new CatalogItemView(i.Id, new Ref(i.ServiceId, names.GetValueOrDefault(i.ServiceId, "")), i.Name, i.Description,
            i.Form, i.ForEveryone, i.BusinessUnitIds, i.Approval, i.Tasks, (int)Math.Ceiling(i.ExpectedDelivery.TotalHours), i.Active, i.Version)).ToList();
    }
}
