using Keel.Application.Data;
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
/// Initiatives (projects, epics): read by IT staff and leaders (<see cref="BalanceAccess.Reads"/>), proposed and steered
/// by the IT leader, admins and service owners on their own services (<see cref="BalanceAccess.InitiativeEditorRoles"/>).
/// An initiative is addressed by its id or its number (INI0000001).
/// </summary>
public sealed class InitiativeService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    private const string What = "The initiative";

    private static readonly KeysetPager<Initiative> Pager = new(i => i.Id,
        SortKey<Initiative>.By("number", i => i.Number),
        SortKey<Initiative>.By("name", i => i.Name),
        SortKey<Initiative>.By("updatedAt", i => i.UpdatedAt));

    private static readonly KeysetPager<WorkItem> WorkPager = new(w => w.Id, SortKey<WorkItem>.By("number", w => w.Number));

    public async Task<Result<Page<InitiativeView>>> ListAsync(InitiativeFilter filter, string? q, PageRequest page, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        var query = db.Set<Initiative>().AsNoTracking();
        if (filter.Status is { Count: > 0 } statuses)
        {
            query = query.Where(i => statuses.Contains(i.Status));
        }
        if (filter.ServiceId is { Count: > 0 } services)
        {
            query = query.Where(i => services.Contains(i.ServiceId));
        }
        if (filter.Category is { Count: > 0 } categories)
        {
            query = query.Where(i => categories.Contains(i.Category));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLowerInvariant();
            query = query.Where(i => i.Name.ToLower().Contains(text) || i.Number.ToLower().Contains(text));
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? new Page<InitiativeView>(await ViewsAsync(result.Value!.Items, ct), result.Value.NextCursor) : result.Error!;
    }

    public async Task<Result<InitiativeView>> GetAsync(string key, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        return await FindAsync(key, tracked: false, ct) is { } initiative ? (await ViewsAsync([initiative], ct))[0] : Error.NotFound(What);
    }

    public async Task<Result<InitiativeView>> CreateAsync(InitiativeDraft draft, CancellationToken ct)
    {
        if (!BalanceAccess.InitiativeEditorRoles.Any(user.IsInRole))
        {
            return NotYours();
        }
        var now = time.GetUtcNow().UtcDateTime;
        var initiative = new Initiative
        {
            Name = draft.Name?.Trim() ?? "",
            Description = draft.Description ?? "",
            ServiceId = draft.ServiceId ?? Guid.Empty,
            Category = draft.Category ?? InvestmentCategory.Grow,
            ExpectedOutcome = draft.ExpectedOutcome?.Trim() ?? "",
            Measure = draft.Measure?.Trim() ?? "",
            ExpectedValue = draft.ExpectedValue,
            Unit = draft.Unit?.Trim() ?? "",
            EffortEstimateHours = draft.EffortEstimateHours,
            OwnerId = draft.OwnerId ?? user.UserId ?? Guid.Empty,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var errors = new FieldErrors();
        initiative.Validate(errors);
        var service = await CheckReferencesAsync(initiative, errors, ct);
        if (errors.Any)
        {
            return errors.ToError();
        }
        if (!BalanceAccess.EditsFor(user, BalanceAccess.InitiativeEditorRoles, service!.OwnerId))
        {
            return NotYours();
        }
        initiative.Number = Initiative.FormatNumber(await WorkNumbers.ReserveAsync(db, Initiative.Counter, 1, ct));
        db.Add(initiative);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([initiative], ct))[0];
    }

    public async Task<Result<InitiativeView>> UpdateAsync(string key, long expectedVersion, InitiativePatch patch, CancellationToken ct)
    {
        var found = await FindEditableAsync(key, expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var initiative = found.Value!;
        initiative.Name = patch.Name.Or(initiative.Name)?.Trim() ?? "";
        initiative.Description = patch.Description.Or(initiative.Description) ?? "";
        initiative.ServiceId = patch.ServiceId.Or(initiative.ServiceId) ?? Guid.Empty;
        var errors = new FieldErrors();
        if (patch.Category.IsSet)
        {
            if (patch.Category.Value is { } category)
            {
                initiative.Category = category;
            }
            else
            {
                errors.Add("category", "is required: Run, Debt, Grow or Transform.");
            }
        }
        initiative.ExpectedOutcome = patch.ExpectedOutcome.Or(initiative.ExpectedOutcome)?.Trim() ?? "";
        initiative.Measure = patch.Measure.Or(initiative.Measure)?.Trim() ?? "";
        initiative.ExpectedValue = patch.ExpectedValue.Or(initiative.ExpectedValue);
        initiative.Unit = patch.Unit.Or(initiative.Unit)?.Trim() ?? "";
        initiative.EffortEstimateHours = patch.EffortEstimateHours.Or(initiative.EffortEstimateHours);
        initiative.OwnerId = patch.OwnerId.Or(initiative.OwnerId) ?? Guid.Empty;
        initiative.Validate(errors);
        var service = await CheckReferencesAsync(initiative, errors, ct);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors.ToError();
        }
        // A service owner may not hand an initiative over to a service they do not own.
        if (!BalanceAccess.EditsFor(user, BalanceAccess.InitiativeEditorRoles, service!.OwnerId))
        {
            db.ChangeTracker.Clear();
            return NotYours();
        }
        var now = time.GetUtcNow().UtcDateTime;
        initiative.UpdatedAt = now;
        if (patch.Category.IsSet && db.Entry(initiative).Property(i => i.Category).IsModified)
        {
            // The linked work follows what the initiative is for, unless someone chose its category by hand.
            await ReclassifyWorkAsync(initiative.Id, initiative.Category, now, ct);
        }
        return await SaveAsync(initiative, expectedVersion, ct);
    }

    public async Task<Result<InitiativeView>> TransitionAsync(string key, long? expectedVersion, InitiativeStatus? to, CancellationToken ct)
    {
        var found = await FindEditableAsync(key, expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var initiative = found.Value!;
        if (to is not { } target || !Enum.IsDefined(target))
        {
            return Error.Validation("to", "is required: Approved, InProgress, Delivered or Cancelled.");
        }
        if (initiative.MoveTo(target, time.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }
        return await SaveAsync(initiative, initiative.Version, ct);
    }

    public async Task<Result<InitiativeView>> ReviewAsync(string key, long? expectedVersion, InitiativeReviewDraft draft, CancellationToken ct)
    {
        var found = await FindEditableAsync(key, expectedVersion, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }
        var initiative = found.Value!;
        if (initiative.Review(draft.RealisedValue, draft.ReviewNotes, user.UserId ?? Guid.Empty, time.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }
        return await SaveAsync(initiative, initiative.Version, ct);
    }

    /// <summary>The work linked to the initiative that the caller may see, by number, with the hours logged on each.</summary>
    public async Task<Result<Page<InitiativeWorkView>>> WorkAsync(string key, PageRequest page, CancellationToken ct)
    {
        if (!BalanceAccess.Reads(user))
        {
            return NotForYou();
        }
        if (await FindAsync(key, tracked: false, ct) is not { } initiative)
        {
            return Error.NotFound(What);
        }
        var visible = WorkAccess.Visible(db.Set<WorkItem>().AsNoTracking(), user, db.Set<Approval>(), db.Set<WorkFollower>(), db.Set<WorkStakeholder>());
        var result = await WorkPager.PageAsync(visible.Where(w => w.InitiativeId == initiative.Id), page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var ids = result.Value!.Items.Select(w => w.Id).ToList();
        var minutes = await db.Set<WorkLog>().Where(l => ids.Contains(l.WorkItemId))
            .GroupBy(l => l.WorkItemId).Select(g => new { g.Key, Minutes = g.Sum(l => l.Minutes) })
            .ToDictionaryAsync(x => x.Key, x => x.Minutes, ct);
        return result.Value.Map(w => new InitiativeWorkView(
            w.Id, w.Number, w.Title, w.Kind, w.State, w.InvestmentCategory, w.ValueChainActivity, minutes.GetValueOrDefault(w.Id) / 60.0));
    }

    /// <summary>Whether the caller may edit <paramref name="initiative"/> (pages show or hide their buttons by it).</summary>
    internal async Task<bool> CanEditAsync(Initiative initiative, CancellationToken ct) =>
        BalanceAccess.EditsFor(user, BalanceAccess.InitiativeEditorRoles,
            await db.Set<Service>().Where(s => s.Id == initiative.ServiceId).Select(s => (Guid?)s.OwnerId).FirstOrDefaultAsync(ct));

    internal async Task<Initiative?> FindAsync(string key, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Set<Initiative>() : db.Set<Initiative>().AsNoTracking();
        if (Guid.TryParse(key, out var id))
        {
            return await query.FirstOrDefaultAsync(i => i.Id == id, ct);
        }
        var number = key.Trim().ToUpperInvariant();
        return await query.FirstOrDefaultAsync(i => i.Number == number, ct);
    }

    private async Task<Result<Initiative>> FindEditableAsync(string key, long? expectedVersion, CancellationToken ct)
    {
        if (!BalanceAccess.InitiativeEditorRoles.Any(user.IsInRole))
        {
            return BalanceAccess.Reads(user) ? NotYours() : NotForYou();
        }
        if (await FindAsync(key, tracked: true, ct) is not { } initiative)
        {
            return Error.NotFound(What);
        }
        if (!await CanEditAsync(initiative, ct))
        {
            return NotYours();
        }
        if (expectedVersion is { } version && version != initiative.Version)
        {
            return Error.Concurrency();
        }
        return initiative;
    }

    private async Task<Result<InitiativeView>> SaveAsync(Initiative initiative, long expectedVersion, CancellationToken ct)
    {
        db.Entry(initiative).Property(i => i.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<InitiativeView>)(await ViewsAsync([initiative], ct))[0];
    }

    private async Task ReclassifyWorkAsync(Guid initiativeId, InvestmentCategory category, DateTime now, CancellationToken ct)
    {
        var items = await db.Set<WorkItem>().Where(w => w.InitiativeId == initiativeId && !w.InvestmentCategoryByHand).ToListAsync(ct);
        foreach (var item in items)
        {
            item.Classify(category, null, user.UserId, now);
        }
    }

    private async Task<Service?> CheckReferencesAsync(Initiative initiative, FieldErrors errors, CancellationToken ct)
    {
        var service = initiative.ServiceId == Guid.Empty ? null : await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == initiative.ServiceId, ct);
        if (service is null)
        {
            errors.Add("serviceId", initiative.ServiceId == Guid.Empty ? "is required." : "is not a service.");
        }
        if (initiative.OwnerId == Guid.Empty || !await db.Users.AnyAsync(u => u.Id == initiative.OwnerId && u.IsActive, ct))
        {
            errors.Add("ownerId", "is not an active person.");
        }
        return service;
    }

    private async Task<IReadOnlyList<InitiativeView>> ViewsAsync(IReadOnlyList<Initiative> initiatives, CancellationToken ct)
    {
        var ids = initiatives.Select(i => i.Id).ToList();
        var serviceIds = initiatives.Select(i => i.ServiceId).Distinct().ToList();
        var services = await db.Set<Service>().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.OwnerId }).ToDictionaryAsync(s => s.Id, ct);
        var people = await db.DisplayNamesAsync(initiatives.Select(i => i.OwnerId).Concat(initiatives.Select(i => i.ReviewedById ?? Guid.Empty)), ct);
        var counts = await db.Set<WorkItem>().Where(w => w.InitiativeId != null && ids.Contains(w.InitiativeId.Value))
            .GroupBy(w => w.InitiativeId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var minutes = await (from l in db.Set<WorkLog>()
                             join w in db.Set<WorkItem>() on l.WorkItemId equals w.Id
                             where w.InitiativeId != null && ids.Contains(w.InitiativeId.Value)
                             group l by w.InitiativeId!.Value into g
                             select new { g.Key, Minutes = g.Sum(l => l.Minutes) }).ToDictionaryAsync(x => x.Key, x => x.Minutes, ct);
        return initiatives.Select(i =>
        {
            var service = services.GetValueOrDefault(i.ServiceId);
            var canEdit = BalanceAccess.EditsFor(user, BalanceAccess.InitiativeEditorRoles, service?.OwnerId);
            return new InitiativeView(
                i.Id, i.Number, i.Name, i.Description, new Ref(i.ServiceId, service?.Name ?? ""), i.Category, i.ExpectedOutcome, i.Measure,
                i.ExpectedValue, i.Unit, i.EffortEstimateHours, i.Status, new Ref(i.OwnerId, people.GetValueOrDefault(i.OwnerId, "")),
                i.RealisedValue, i.ReviewNotes, i.ReviewedAt, i.ReviewedById is { } r ? new Ref(r, people.GetValueOrDefault(r, "")) : null,
                i.DeliveredAt, i.CreatedAt, i.UpdatedAt, counts.GetValueOrDefault(i.Id), minutes.GetValueOrDefault(i.Id) / 60.0,
                canEdit, canEdit ? Initiative.AllowedFrom(i.Status) : [], i.Version);
        }).ToList();
    }

    private static Error NotForYou() => Error.Forbidden("Initiatives are read by IT staff and leaders.");

    private static Error NotYours() =>
        Error.Forbidden("Initiatives are steered by the IT leader, admins and the owner of the initiative's service.");
}
