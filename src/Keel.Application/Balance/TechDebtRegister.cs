using Keel.Application.Data;
using Keel.Application.Knowledge;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Reading the technical-debt register: the items ranked by payback with their interest, the register's interest trend,
/// and the items a work record is linked to. Interest is computed, not stored, so the list is sorted after it is
/// computed: the filtered register is read whole (it holds hundreds of items, not thousands) and paged by position.
/// </summary>
public sealed class TechDebtRegister(KeelDb db, ICurrentUser user, DebtInterestReader interest)
{
    public static readonly IReadOnlyList<string> Sorts = ["payback", "interest", "-interest", "risk", "-risk", "number", "-number"];

    public async Task<Result<Page<TechDebtListItem>>> ListAsync(DebtFilter filter, PageRequest page, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return TechDebtService.NotForYou();
        }
        var errors = new FieldErrors();
        page.Validate(errors);
        var sort = string.IsNullOrWhiteSpace(page.Sort) ? "payback" : page.Sort.Trim();
        if (!Sorts.Contains(sort, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("sort", "must be one of " + string.Join(", ", Sorts) + ".");
        }
        var offset = RankCursor.Decode(page.Cursor, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var items = await Filtered(filter).ToListAsync(ct);
        var figures = await interest.ForAsync(items, ct);
        var ordered = Order(items, figures, sort.ToLowerInvariant());
        var limit = page.EffectiveLimit;
        var shown = ordered.Skip(offset).Take(limit).ToList();
        var next = ordered.Count > offset + limit ? RankCursor.Encode(offset + limit) : null;
        return new Page<TechDebtListItem>(await RowsAsync(shown, figures, ct), next);
    }

    /// <summary>The total interest of the (filtered) register per month over the last twelve full months, and its current known total.</summary>
    public async Task<Result<DebtInterestTrend>> TrendAsync(DebtFilter filter, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return TechDebtService.NotForYou();
        }
        var query = Filtered(filter);
        var months = await interest.TrendAsync(query, ct);
        var figures = await interest.ForAsync(await query.ToListAsync(ct), ct);
        return new DebtInterestTrend(months, Math.Round(figures.Values.Sum(f => f.HoursPerMonth ?? 0), 2), figures.Values.Count(f => !f.IsKnown));
    }

    /// <summary>The debt items a work item is linked to (the panel on incident and problem records); empty for non-readers.</summary>
    public async Task<IReadOnlyList<DebtOfWork>> ForWorkAsync(Guid workItemId, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return [];
        }
        return await db.Set<TechDebtLink>().Where(l => l.WorkItemId == workItemId)
            .Join(db.Set<TechDebtItem>(), l => l.DebtItemId, i => i.Id, (l, i) => i)
            .OrderBy(i => i.Sequence)
            .Select(i => new DebtOfWork(i.Id, i.Number, i.Title, i.Status, i.Risk))
            .ToListAsync(ct);
    }

    private IQueryable<TechDebtItem> Filtered(DebtFilter filter)
    {
        var query = db.Set<TechDebtItem>().AsNoTracking();
        if (filter.ServiceIds is { Count: > 0 } services)
        {
            query = query.Where(i => services.Contains(i.ServiceId));
        }
        if (filter.Statuses is { Count: > 0 } statuses)
        {
            query = query.Where(i => statuses.Contains(i.Status));
        }
        if (filter.Risks is { Count: > 0 } risks)
        {
            query = query.Where(i => risks.Contains(i.Risk));
        }
        return query;
    }

    /// <summary>Unknown interest always sorts last: it is not a small number, it is a missing one.</summary>
    private static List<TechDebtItem> Order(List<TechDebtItem> items, Dictionary<Guid, DebtInterestFigure> figures, string sort) => sort switch
    {
        "interest" => [.. items.OrderBy(i => !figures[i.Id].IsKnown).ThenBy(i => figures[i.Id].HoursPerMonth).ThenBy(i => i.Sequence)],
        "-interest" => [.. items.OrderBy(i => !figures[i.Id].IsKnown).ThenByDescending(i => figures[i.Id].HoursPerMonth).ThenBy(i => i.Sequence)],
        "risk" => [.. items.OrderBy(i => i.Risk).ThenBy(i => i.Sequence)],
        "-risk" => [.. items.OrderByDescending(i => i.Risk).ThenBy(i => i.Sequence)],
        "number" => [.. items.OrderBy(i => i.Sequence)],
        "-number" => [.. items.OrderByDescending(i => i.Sequence)],
        _ => [.. DebtPayback.Rank(items, i => i.RemediationEstimateHours, i => figures[i.Id], i => i.Number)],
    };

    private async Task<IReadOnlyList<TechDebtListItem>> RowsAsync(List<TechDebtItem> items, Dictionary<Guid, DebtInterestFigure> figures, CancellationToken ct)
    {
        var serviceIds = items.Select(i => i.ServiceId).Distinct().ToList();
        var services = await db.Set<Service>().Where(s => serviceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var names = await db.DisplayNamesAsync(items.Select(i => i.OwnerId).Distinct(), ct);
        var changeIds = items.Where(i => i.PayoffChangeId is not null).Select(i => i.PayoffChangeId!.Value).ToList();
        var changes = await db.Set<WorkItem>().Where(w => changeIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => new WorkRef(w.Number, w.Title), ct);
        var ids = items.Select(i => i.Id).ToList();
        var linked = (await db.Set<TechDebtLink>().Where(l => ids.Contains(l.DebtItemId)).GroupBy(l => l.DebtItemId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Count);
        return [.. items.Select(i => new TechDebtListItem(i.Id, i.Number, i.Title, new Ref(i.ServiceId, services.GetValueOrDefault(i.ServiceId, "")),
            i.Risk, i.Status, i.RemediationEstimateHours, DebtInterestView.Of(figures[i.Id]),
            TechDebtService.Round(DebtPayback.MonthsToPayBack(i.RemediationEstimateHours, figures[i.Id])), linked.GetValueOrDefault(i.Id),
            new Ref(i.OwnerId, names.GetValueOrDefault(i.OwnerId, "")),
            i.PayoffChangeId is { } c ? changes.GetValueOrDefault(c) : null, i.UpdatedAt))];
    }
}
