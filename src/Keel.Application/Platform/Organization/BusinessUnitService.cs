using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Organization;

public sealed record BusinessUnitView(Guid Id, string Name, string Code, string? Description, int People, long Version);

public sealed record BusinessUnitDraft(string? Name, string? Code, string? Description);

public sealed record BusinessUnitPatch(Optional<string?> Name, Optional<string?> Code, Optional<string?> Description);

/// <summary>The business units that consume IT's services: read by everyone signed in, changed by admins.</summary>
public sealed class BusinessUnitService(KeelDb db)
{
    private static readonly KeysetPager<BusinessUnit> Pager = new(b => b.Id,
        SortKey<BusinessUnit>.By("name", b => b.Name), SortKey<BusinessUnit>.By("code", b => b.Code));

    public async Task<Result<Page<BusinessUnitView>>> ListAsync(string? q, PageRequest page, CancellationToken ct)
    {
        var query = db.Set<BusinessUnit>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(b => b.Name.Contains(q) || b.Code.Contains(q));
        }
        var result = await Pager.PageAsync(query, page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var ids = result.Value!.Items.Select(b => b.Id).ToList();
        var counts = await db.Users.Where(u => u.BusinessUnitId != null && ids.Contains(u.BusinessUnitId.Value))
            .GroupBy(u => u.BusinessUnitId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return result.Value.Map(b => View(b, counts.GetValueOrDefault(b.Id)));
    }

    public async Task<Result<BusinessUnitView>> GetAsync(Guid id, CancellationToken ct)
    {
        var unit = await db.Set<BusinessUnit>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (unit is null)
        {
            return Error.NotFound("The business unit");
        }
        return View(unit, await db.Users.CountAsync(u => u.BusinessUnitId == id, ct));
    }

    public async Task<Result<BusinessUnitView>> CreateAsync(BusinessUnitDraft draft, CancellationToken ct)
    {
        var unit = new BusinessUnit { Name = draft.Name?.Trim() ?? "", Code = draft.Code?.Trim() ?? "", Description = draft.Description };
        var invalid = await ValidateAsync(unit, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        db.Add(unit);
        await db.SaveChangesAsync(ct);
        return View(unit, 0);
    }

    public async Task<Result<BusinessUnitView>> UpdateAsync(Guid id, long expectedVersion, BusinessUnitPatch patch, CancellationToken ct)
    {
        var unit = await db.Set<BusinessUnit>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (unit is null)
        {
            return Error.NotFound("The business unit");
        }
        if (unit.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        unit.Name = patch.Name.Or(unit.Name)?.Trim() ?? "";
        unit.Code = patch.Code.Or(unit.Code)?.Trim() ?? "";
        unit.Description = patch.Description.Or(unit.Description);
        var invalid = await ValidateAsync(unit, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        db.Entry(unit).Property(b => b.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<BusinessUnitView>)await GetAsync(id, ct);
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var unit = await db.Set<BusinessUnit>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (unit is null)
        {
            return Error.NotFound("The business unit");
        }
        if (await db.Users.AnyAsync(u => u.BusinessUnitId == id, ct))
        {
            return Error.Conflict("People still belong to this business unit; move them first.");
        }
        db.Remove(unit);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Error?> ValidateAsync(BusinessUnit unit, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("name", unit.Name, 200);
        errors.Required("code", unit.Code, 32);
        errors.Optional("description", unit.Description, 2000);
        if (!errors.Any && await db.Set<BusinessUnit>().AnyAsync(b => b.Id != unit.Id && b.Name == unit.Name, ct))
        {
            errors.Add("name", "is already used by another business unit.");
        }
        if (!errors.Any && await db.Set<BusinessUnit>().AnyAsync(b => b.Id != unit.Id && b.Code == unit.Code, ct))
        {
            errors.Add("code", "is already used by another business unit.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    private static BusinessUnitView View(BusinessUnit b, int people) => new(b.Id, b.Name, b.Code, b.Description, people, b.Version);
}
