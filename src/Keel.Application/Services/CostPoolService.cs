using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

public sealed record CostPoolShareView(Ref Service, decimal Share);

public sealed record CostPoolView(Guid Id, string Name, Money Monthly, AllocationBasis Basis, IReadOnlyList<CostPoolShareView> Shares, long Version);

public sealed record CostPoolShareDraft(Guid? ServiceId, decimal? Share);

public sealed record CostPoolDraft(string? Name, MoneyDraft? Monthly, AllocationBasis? Basis, IReadOnlyList<CostPoolShareDraft>? Shares);

public sealed record CostPoolPatch(
    Optional<string?> Name, Optional<MoneyDraft?> Monthly, Optional<AllocationBasis?> Basis, Optional<IReadOnlyList<CostPoolShareDraft>?> Shares);

/// <summary>Shared costs (a data centre, the service desk's tooling) allocated to services: read by cost readers, kept by admins.</summary>
public sealed class CostPoolService(KeelDb db, ICurrentUser user, OrganizationCurrency currency)
{
    private static readonly KeysetPager<CostPool> Pager = new(p => p.Id, SortKey<CostPool>.By("name", p => p.Name));

    public async Task<Result<Page<CostPoolView>>> ListAsync(string? q, PageRequest page, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) != ServiceAudience.Finance)
        {
            return Error.Forbidden("Cost pools are cost data.");
        }
        var query = db.Set<CostPool>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(p => p.Name.Contains(text));
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? new Page<CostPoolView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<CostPoolView>> GetAsync(Guid id, CancellationToken ct)
    {
        var pool = ServiceAccess.AudienceOf(user) == ServiceAudience.Finance
            ? await db.Set<CostPool>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            : null;
        return pool is null ? Error.NotFound("The cost pool") : (await ViewsAsync([pool], ct))[0];
    }

    public async Task<Result<CostPoolView>> CreateAsync(CostPoolDraft draft, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep cost pools.");
        }
        var pool = new CostPool
        {
            Name = draft.Name?.Trim() ?? "",
            Monthly = currency.Of(draft.Monthly),
            Basis = draft.Basis ?? AllocationBasis.FixedShares,
            Shares = Shares(draft.Shares),
        };
        if (await ValidateAsync(pool, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(pool);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([pool], ct))[0];
    }

    public async Task<Result<CostPoolView>> UpdateAsync(Guid id, long expectedVersion, CostPoolPatch patch, CancellationToken ct)
    {
        var pool = ServiceAccess.AudienceOf(user) == ServiceAudience.Finance ? await db.Set<CostPool>().FirstOrDefaultAsync(p => p.Id == id, ct) : null;
        if (pool is null)
        {
            return Error.NotFound("The cost pool");
        }
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep cost pools.");
        }
        if (pool.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        pool.Name = patch.Name.Or(pool.Name)?.Trim() ?? "";
        if (patch.Monthly.IsSet)
        {
            pool.Monthly = currency.Of(patch.Monthly.Value);
        }
        pool.Basis = patch.Basis.Or(pool.Basis) ?? (AllocationBasis)(-1);
        if (patch.Shares.IsSet)
        {
            pool.Shares = Shares(patch.Shares.Value);
        }
        if (await ValidateAsync(pool, ct) is { } invalid)
        {
            return invalid;
        }
        db.Entry(pool).Property(p => p.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<CostPoolView>)(await ViewsAsync([pool], ct))[0];
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin))
        {
            return Error.Forbidden("Only admins keep cost pools.");
        }
        var pool = await db.Set<CostPool>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pool is null)
        {
            return Error.NotFound("The cost pool");
        }
        db.Remove(pool);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static List<CostPoolShare> Shares(IReadOnlyList<CostPoolShareDraft>? shares) =>
        shares?.Select(s => new CostPoolShare(s?.ServiceId ?? Guid.Empty, s?.Share ?? -1m)).ToList() ?? [];

    private async Task<Error?> ValidateAsync(CostPool pool, CancellationToken ct)
    {
        var errors = new FieldErrors();
        pool.Validate(errors, currency.Code);
        if (!errors.Any && await db.Set<CostPool>().AnyAsync(p => p.Id != pool.Id && p.Name == pool.Name, ct))
        {
            errors.Add("name", "is already used by another cost pool.");
        }
        if (!errors.Any && pool.Shares.Count > 0)
        {
            var ids = pool.Shares.Select(s => s.ServiceId).ToList();
            if (await db.Set<Service>().CountAsync(s => ids.Contains(s.Id), ct) != ids.Count)
            {
                errors.Add("shares", "names a service that does not exist.");
            }
        }
        return errors.Any ? errors.ToError() : null;
    }

    private async Task<List<CostPoolView>> ViewsAsync(IReadOnlyList<CostPool> pools, CancellationToken ct)
    {
        var ids = pools.SelectMany(p => p.Shares.Select(s => s.ServiceId)).Distinct().ToList();
        var names = await db.Set<Service>().Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return pools.Select(p => new CostPoolView(p.Id, p.Name, p.Monthly, p.Basis,
            p.Shares.Select(s => new CostPoolShareView(new Ref(s.ServiceId, names.GetValueOrDefault(s.ServiceId, "")), s.Share)).ToList(), p.Version)).ToList();
    }
}
