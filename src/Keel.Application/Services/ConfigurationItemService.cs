using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

public sealed record CiView(
    Guid Id, string Name, string Type, CiStatus Status, Ref? Owner, IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<Ref> Services, int Relationships, long Version);

public sealed record CiFilter(string? Q = null, string? Type = null, CiStatus? Status = null, Guid? ServiceId = null);

public sealed record CiDraft(string? Name, string? Type, CiStatus? Status, Guid? OwnerId, Dictionary<string, string>? Attributes, IReadOnlyList<Guid>? ServiceIds);

public sealed record CiPatch(
    Optional<string?> Name, Optional<string?> Type, Optional<CiStatus?> Status, Optional<Guid?> OwnerId,
    Optional<Dictionary<string, string>?> Attributes, Optional<IReadOnlyList<Guid>?> ServiceIds);

/// <summary>Configuration items: read by IT staff and those who read services, changed by service owners and admins.</summary>
public sealed class ConfigurationItemService(KeelDb db, ICurrentUser user, ImpactGraphCache impact, IServiceWorkCounter work)
{
    private static readonly KeysetPager<ConfigurationItem> Pager = new(c => c.Id,
        SortKey<ConfigurationItem>.By("name", c => c.Name), SortKey<ConfigurationItem>.By("type", c => c.Type));

    public async Task<Result<Page<CiView>>> ListAsync(CiFilter filter, PageRequest page, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.Forbidden("Configuration items are for IT staff.");
        }
        var query = db.Set<ConfigurationItem>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(c => c.Name.Contains(q));
        }
        if (!string.IsNullOrWhiteSpace(filter.Type))
        {
            var type = CiTypes.TryNormalize(filter.Type, out var normalized) ? normalized : filter.Type;
            query = query.Where(c => c.Type == type);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }
        if (filter.ServiceId is { } serviceId)
        {
            query = query.Where(c => db.Set<CiServiceLinkRow>().Any(l => l.CiId == c.Id && l.ServiceId == serviceId));
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? new Page<CiView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<CiView>> GetAsync(Guid id, CancellationToken ct)
    {
        var ci = ServiceAccess.AudienceOf(user) == ServiceAudience.Portal
            ? null
            : await db.Set<ConfigurationItem>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return ci is null ? Error.NotFound("The configuration item") : (await ViewsAsync([ci], ct))[0];
    }

    public async Task<Result<CiView>> CreateAsync(CiDraft draft, CancellationToken ct)
    {
        if (!ServiceAccess.CanEditCmdb(user))
        {
            return Error.Forbidden("Only service owners and admins change configuration items.");
        }
        var ci = new ConfigurationItem
        {
            Name = draft.Name?.Trim() ?? "",
            Type = draft.Type ?? "",
            Status = draft.Status ?? CiStatus.Active,
            OwnerId = draft.OwnerId,
            Attributes = draft.Attributes is { } a ? new Dictionary<string, string>(a, StringComparer.Ordinal) : new(StringComparer.Ordinal),
            ServiceIds = draft.ServiceIds?.ToList() ?? [],
        };
        if (await ValidateAsync(ci, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(ci);
        db.AddRange(ci.ServiceIds.Select(s => new CiServiceLinkRow { CiId = ci.Id, ServiceId = s }));
        await db.SaveChangesAsync(ct);
        impact.Invalidate();
        return (await ViewsAsync([ci], ct))[0];
    }

    public async Task<Result<CiView>> UpdateAsync(Guid id, long expectedVersion, CiPatch patch, CancellationToken ct)
    {
        var ci = ServiceAccess.AudienceOf(user) == ServiceAudience.Portal ? null : await db.Set<ConfigurationItem>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ci is null)
        {
            return Error.NotFound("The configuration item");
        }
        if (!ServiceAccess.CanEditCmdb(user))
        {
            return Error.Forbidden("Only service owners and admins change configuration items.");
        }
        if (ci.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        var links = await db.Set<CiServiceLinkRow>().Where(l => l.CiId == id).ToListAsync(ct);
        ci.Name = patch.Name.Or(ci.Name)?.Trim() ?? "";
        ci.Type = patch.Type.Or(ci.Type) ?? "";
        ci.Status = patch.Status.Or(ci.Status) ?? (CiStatus)(-1);
        ci.OwnerId = patch.OwnerId.Or(ci.OwnerId);
        if (patch.Attributes.IsSet)
        {
            ci.Attributes = new Dictionary<string, string>(patch.Attributes.Value ?? [], StringComparer.Ordinal);
        }
        ci.ServiceIds = patch.ServiceIds.IsSet ? patch.ServiceIds.Value?.ToList() ?? [] : links.Select(l => l.ServiceId).ToList();
        if (await ValidateAsync(ci, ct) is { } invalid)
        {
            return invalid;
        }
        db.RemoveRange(links.Where(l => !ci.ServiceIds.Contains(l.ServiceId)));
        db.AddRange(ci.ServiceIds.Where(s => links.All(l => l.ServiceId != s)).Select(s => new CiServiceLinkRow { CiId = id, ServiceId = s }));
        // A change of links alone still moves the version, so that a stale copy of the CI cannot undo it.
        db.Entry(ci).State = EntityState.Modified;
        db.Entry(ci).Property(c => c.Version).OriginalValue = expectedVersion;
        var saved = await db.SaveOrConflictAsync(ct);
        impact.Invalidate();
        return saved ?? (Result<CiView>)(await ViewsAsync([ci], ct))[0];
    }

    /// <summary>Deleting a CI that still has relationships is refused: the estate would silently lose a dependency.</summary>
    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var ci = ServiceAccess.AudienceOf(user) == ServiceAudience.Portal ? null : await db.Set<ConfigurationItem>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (ci is null)
        {
            return Error.NotFound("The configuration item");
        }
        if (!ServiceAccess.CanEditCmdb(user))
        {
            return Error.Forbidden("Only service owners and admins change configuration items.");
        }
        var relationships = await db.Set<CiRelationship>().CountAsync(r => r.FromId == id || r.ToId == id, ct);
        if (relationships > 0)
        {
            return Error.Conflict($"The configuration item still has {relationships} relationship(s); remove them first.");
        }
        var (all, open) = await work.WorkOnCiAsync(id, ct);
        if (all > 0)
        {
            // Closed work keeps its CI for history and reports, so even closed work blocks a delete.
            return Error.Conflict(open > 0
                ? $"The configuration item has {open} open work item(s); resolve or move them first."
                : $"{all} past work item(s) refer to the configuration item; set its status to retired instead of deleting it.");
        }
        db.RemoveRange(await db.Set<CiServiceLinkRow>().Where(l => l.CiId == id).ToListAsync(ct));
        db.Remove(ci);
        await db.SaveChangesAsync(ct);
        impact.Invalidate();
        return true;
    }

    private async Task<Error?> ValidateAsync(ConfigurationItem ci, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ci.Validate(errors);
        if (ci.OwnerId is { } owner && owner != Guid.Empty && !await db.Users.AnyAsync(u => u.Id == owner, ct))
        {
            errors.Add("ownerId", "is not a known person.");
        }
        if (!errors.Any && ci.ServiceIds.Count > 0)
        {
            var ids = ci.ServiceIds;
            if (await db.Set<Service>().CountAsync(s => ids.Contains(s.Id), ct) != ids.Count)
            {
                errors.Add("serviceIds", "names a service that does not exist.");
            }
        }
        return errors.Any ? errors.ToError() : null;
    }

    /// <summary>Views for a page of CIs with four queries, whatever the page size (no N+1).</summary>
    private async Task<List<CiView>> ViewsAsync(IReadOnlyList<ConfigurationItem> cis, CancellationToken ct)
    {
        var ids = cis.Select(c => c.Id).ToList();
        var services = (await db.Set<CiServiceLinkRow>().AsNoTracking().Where(l => ids.Contains(l.CiId))
                .Join(db.Set<Service>(), l => l.ServiceId, s => s.Id, (l, s) => new { l.CiId, s.Id, s.Name }).ToListAsync(ct))
            .ToLookup(x => x.CiId, x => new Ref(x.Id, x.Name));
        var from = await db.Set<CiRelationship>().Where(r => ids.Contains(r.FromId)).GroupBy(r => r.FromId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var to = await db.Set<CiRelationship>().Where(r => ids.Contains(r.ToId)).GroupBy(r => r.ToId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var owners = cis.Where(c => c.OwnerId is not null).Select(c => c.OwnerId!.Value).Distinct().ToList();
        var people = await db.DisplayNamesAsync(owners, ct);
        return cis.Select(c => new CiView(c.Id, c.Name, c.Type, c.Status,
            c.OwnerId is { } o ? new Ref(o, people.GetValueOrDefault(o, "")) : null, c.Attributes,
            services[c.Id].OrderBy(s => s.Name, StringComparer.Ordinal).ToList(),
            from.GetValueOrDefault(c.Id) + to.GetValueOrDefault(c.Id), c.Version)).ToList();
    }
}
