using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

/// <summary>
/// A service's consumers, outcomes and cost items. All three are cost data (shares, values, costs): read only by the
/// <see cref="ServiceAudience.Finance"/> audience, changed by the service's owner or an admin.
/// </summary>
public sealed class ServicePartsService(KeelDb db, ICurrentUser user, ImpactGraphCache impact, OrganizationCurrency currency)
{
    public async Task<Result<IReadOnlyList<ConsumerView>>> ConsumersAsync(Guid serviceId, CancellationToken ct) =>
        await ReadableAsync(serviceId, ct) is { } error ? error : Result<IReadOnlyList<ConsumerView>>.Ok(await ConsumerViewsAsync(serviceId, ct));

    public async Task<Result<IReadOnlyList<OutcomeView>>> OutcomesAsync(Guid serviceId, CancellationToken ct) =>
        await ReadableAsync(serviceId, ct) is { } error ? error : Result<IReadOnlyList<OutcomeView>>.Ok(await OutcomeViewsAsync(serviceId, ct));

    public async Task<Result<IReadOnlyList<CostItemView>>> CostItemsAsync(Guid serviceId, CancellationToken ct) =>
        await ReadableAsync(serviceId, ct) is { } error ? error : Result<IReadOnlyList<CostItemView>>.Ok(await CostItemViewsAsync(serviceId, ct));

    public async Task<Result<ConsumerView>> AddConsumerAsync(Guid serviceId, ConsumerDraft draft, CancellationToken ct)
    {
        if (await EditableAsync(serviceId, ct) is { } error)
        {
            return error;
        }
        var consumer = new ServiceConsumer
        {
            ServiceId = serviceId,
            BusinessUnitId = draft.BusinessUnitId ?? Guid.Empty,
            Basis = draft.Basis ?? AllocationBasis.FixedShares,
            Share = draft.Share,
        };
        var errors = new FieldErrors();
        consumer.Validate(errors);
        if (!errors.Any)
        {
            await UnitExistsAsync(consumer.BusinessUnitId, errors, ct);
            var all = await db.Set<ServiceConsumer>().AsNoTracking().Where(c => c.ServiceId == serviceId).ToListAsync(ct);
            all.Add(consumer);
            var setErrors = new FieldErrors();
            ServiceConsumer.ValidateSet(all, setErrors);
            if (setErrors.Any)
            {
                errors.Add("businessUnitId", all.Count(c => c.BusinessUnitId == consumer.BusinessUnitId) > 1
                    ? "is already a consumer of this service." : "would make the fixed shares add up to more than 1.");
            }
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        db.Add(consumer);
        await db.SaveChangesAsync(ct);
        impact.Invalidate();
        return (await ConsumerViewsAsync(serviceId, ct)).Single(c => c.Id == consumer.Id);
    }

    public async Task<Result<bool>> RemoveConsumerAsync(Guid serviceId, Guid consumerId, CancellationToken ct)
    {
        var removed = await RemoveAsync<ServiceConsumer>(serviceId, c => c.Id == consumerId && c.ServiceId == serviceId, "The consumer", ct);
        if (removed.IsSuccess)
        {
            impact.Invalidate();
        }
        return removed;
    }

    public async Task<Result<OutcomeView>> AddOutcomeAsync(Guid serviceId, OutcomeDraft draft, CancellationToken ct)
    {
        if (await EditableAsync(serviceId, ct) is { } error)
        {
            return error;
        }
        var outcome = new BusinessOutcome
        {
            ServiceId = serviceId,
            Name = draft.Name?.Trim() ?? "",
            BusinessUnitId = draft.BusinessUnitId ?? Guid.Empty,
            YearlyValue = currency.Of(draft.YearlyValue),
            Basis = draft.Basis ?? OutcomeBasis.RevenueEnabled,
            Contribution = draft.Contribution ?? -1m,
        };
        var errors = new FieldErrors();
        outcome.Validate(errors, currency.Code);
        if (!errors.Any)
        {
            await UnitExistsAsync(outcome.BusinessUnitId, errors, ct);
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        db.Add(outcome);
        await db.SaveChangesAsync(ct);
        return (await OutcomeViewsAsync(serviceId, ct)).Single(o => o.Id == outcome.Id);
    }

    public Task<Result<bool>> RemoveOutcomeAsync(Guid serviceId, Guid outcomeId, CancellationToken ct) =>
        RemoveAsync<BusinessOutcome>(serviceId, o => o.Id == outcomeId && o.ServiceId == serviceId, "The outcome", ct);

    public async Task<Result<CostItemView>> AddCostItemAsync(Guid serviceId, CostItemDraft draft, CancellationToken ct)
    {
        if (await EditableAsync(serviceId, ct) is { } error)
        {
            return error;
        }
        var item = new CostItem
        {
            ServiceId = serviceId,
            Name = draft.Name?.Trim() ?? "",
            Category = draft.Category ?? CostCategory.Other,
            Monthly = currency.Of(draft.Monthly),
        };
        var errors = new FieldErrors();
        item.Validate(errors, currency.Code);
        if (errors.Any)
        {
            return errors.ToError();
        }
        db.Add(item);
        await db.SaveChangesAsync(ct);
        return (await CostItemViewsAsync(serviceId, ct)).Single(c => c.Id == item.Id);
    }

    public Task<Result<bool>> RemoveCostItemAsync(Guid serviceId, Guid costItemId, CancellationToken ct) =>
        RemoveAsync<CostItem>(serviceId, c => c.Id == costItemId && c.ServiceId == serviceId, "The cost item", ct);

    public async Task<Result<ConsumerView>> UpdateConsumerAsync(Guid serviceId, Guid consumerId, long expectedVersion, ConsumerPatch patch, CancellationToken ct)
    {
        var found = await FindAsync<ServiceConsumer>(serviceId, c => c.Id == consumerId && c.ServiceId == serviceId, "The consumer", expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var consumer = found.Value!;
        consumer.Basis = patch.Basis.Or(consumer.Basis) ?? (AllocationBasis)(-1);
        consumer.Share = patch.Share.Or(consumer.Share);
        var errors = new FieldErrors();
        consumer.Validate(errors);
        if (!errors.Any)
        {
            var all = await db.Set<ServiceConsumer>().AsNoTracking().Where(c => c.ServiceId == serviceId && c.Id != consumerId).ToListAsync(ct);
            all.Add(consumer);
            ServiceConsumer.ValidateSet(all, errors);
        }
        return await SaveAsync(consumer, expectedVersion, errors, async () => (await ConsumerViewsAsync(serviceId, ct)).Single(c => c.Id == consumerId), ct);
    }

    public async Task<Result<OutcomeView>> UpdateOutcomeAsync(Guid serviceId, Guid outcomeId, long expectedVersion, OutcomePatch patch, CancellationToken ct)
    {
        var found = await FindAsync<BusinessOutcome>(serviceId, o => o.Id == outcomeId && o.ServiceId == serviceId, "The outcome", expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var outcome = found.Value!;
        outcome.Name = patch.Name.Or(outcome.Name)?.Trim() ?? "";
        outcome.BusinessUnitId = patch.BusinessUnitId.Or(outcome.BusinessUnitId) ?? Guid.Empty;
        if (patch.YearlyValue.IsSet)
        {
            outcome.YearlyValue = currency.Of(patch.YearlyValue.Value);
        }
        outcome.Basis = patch.Basis.Or(outcome.Basis) ?? (OutcomeBasis)(-1);
        outcome.Contribution = patch.Contribution.Or(outcome.Contribution) ?? -1m;
        var errors = new FieldErrors();
        outcome.Validate(errors, currency.Code);
        if (!errors.Any)
        {
            await UnitExistsAsync(outcome.BusinessUnitId, errors, ct);
        }
        return await SaveAsync(outcome, expectedVersion, errors, async () => (await OutcomeViewsAsync(serviceId, ct)).Single(o => o.Id == outcomeId), ct);
    }

    public async Task<Result<CostItemView>> UpdateCostItemAsync(Guid serviceId, Guid costItemId, long expectedVersion, CostItemPatch patch, CancellationToken ct)
    {
        var found = await FindAsync<CostItem>(serviceId, c => c.Id == costItemId && c.ServiceId == serviceId, "The cost item", expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var item = found.Value!;
        item.Name = patch.Name.Or(item.Name)?.Trim() ?? "";
        item.Category = patch.Category.Or(item.Category) ?? (CostCategory)(-1);
        if (patch.Monthly.IsSet)
        {
            item.Monthly = currency.Of(patch.Monthly.Value);
        }
        var errors = new FieldErrors();
        item.Validate(errors, currency.Code);
        return await SaveAsync(item, expectedVersion, errors, async () => (await CostItemViewsAsync(serviceId, ct)).Single(c => c.Id == costItemId), ct);
    }

    private async Task<Result<T>> FindAsync<T>(Guid serviceId, System.Linq.Expressions.Expression<Func<T, bool>> which, string what, long expectedVersion, CancellationToken ct)
        where T : class, IVersioned
    {
        if (await EditableAsync(serviceId, ct) is { } error)
        {
            return error;
        }
        var row = await db.Set<T>().FirstOrDefaultAsync(which, ct);
        if (row is null)
        {
            return Error.NotFound(what);
        }
        return row.Version == expectedVersion ? row : Error.Concurrency();
    }

    private async Task<Result<TView>> SaveAsync<T, TView>(T row, long expectedVersion, FieldErrors errors, Func<Task<TView>> view, CancellationToken ct)
        where T : class, IVersioned
    {
        if (errors.Any)
        {
            return errors.ToError();
        }
        db.Entry(row).Property(r => r.Version).OriginalValue = expectedVersion;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
        {
            return conflict;
        }
        impact.Invalidate();
        return await view();
    }

    internal async Task<IReadOnlyList<ConsumerView>> ConsumerViewsAsync(Guid serviceId, CancellationToken ct) =>
        (await db.Set<ServiceConsumer>().AsNoTracking().Where(c => c.ServiceId == serviceId)
            .Join(db.Set<BusinessUnit>(), c => c.BusinessUnitId, b => b.Id, (c, b) => new { Consumer = c, b.Name })
            .ToListAsync(ct))
        .Select(x => new ConsumerView(x.Consumer.Id, new Ref(x.Consumer.BusinessUnitId, x.Name), x.Consumer.Basis, x.Consumer.Share, x.Consumer.Version))
        .OrderBy(c => c.BusinessUnit.Name, StringComparer.Ordinal).ToList();

    internal async Task<IReadOnlyList<OutcomeView>> OutcomeViewsAsync(Guid serviceId, CancellationToken ct) =>
        (await db.Set<BusinessOutcome>().AsNoTracking().Where(o => o.ServiceId == serviceId)
            .Join(db.Set<BusinessUnit>(), o => o.BusinessUnitId, b => b.Id, (o, b) => new { Outcome = o, b.Name })
            .ToListAsync(ct))
        .Select(x => new OutcomeView(x.Outcome.Id, x.Outcome.Name, new Ref(x.Outcome.BusinessUnitId, x.Name), x.Outcome.YearlyValue,
            x.Outcome.Basis, x.Outcome.Contribution, x.Outcome.Version))
        .OrderBy(o => o.Name, StringComparer.Ordinal).ToList();

    internal async Task<IReadOnlyList<CostItemView>> CostItemViewsAsync(Guid serviceId, CancellationToken ct) =>
        (await db.Set<CostItem>().AsNoTracking().Where(c => c.ServiceId == serviceId).ToListAsync(ct))
        .Select(c => new CostItemView(c.Id, c.Name, c.Category, c.Monthly, c.Version))
        .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();

    private async Task<Error?> ReadableAsync(Guid serviceId, CancellationToken ct) =>
        ServiceAccess.AudienceOf(user) != ServiceAudience.Finance || !await db.Set<Service>().AnyAsync(s => s.Id == serviceId, ct)
            ? Error.NotFound("The service")
            : null;

    private async Task<Error?> EditableAsync(Guid serviceId, CancellationToken ct)
    {
        var service = await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId, ct);
        if (service is null || ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.NotFound("The service");
        }
        return ServiceAccess.CanEdit(user, service) ? null : ServiceAccess.NotYours();
    }

    private async Task<Result<bool>> RemoveAsync<T>(Guid serviceId, System.Linq.Expressions.Expression<Func<T, bool>> which, string what, CancellationToken ct)
        where T : class
    {
        if (await EditableAsync(serviceId, ct) is { } error)
        {
            return error;
        }
        var row = await db.Set<T>().FirstOrDefaultAsync(which, ct);
        if (row is null)
        {
            return Error.NotFound(what);
        }
        db.Remove(row);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task UnitExistsAsync(Guid unitId, FieldErrors errors, CancellationToken ct)
    {
        if (!await db.Set<BusinessUnit>().AnyAsync(b => b.Id == unitId, ct))
        {
            errors.Add("businessUnitId", "is not a known business unit.");
        }
    }
}
