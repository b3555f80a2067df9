using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

/// <summary>
/// The service portfolio: listed and read by everyone signed in at their <see cref="ServiceAudience"/>, changed by
/// the service's owner or an admin. Costs come only through <see cref="GetFinanceAsync"/> and <see cref="ServicePartsService"/>.
/// </summary>
public sealed class PortfolioService(KeelDb db, ICurrentUser user, IServiceWorkCounter work, ImpactGraphCache impact, OrganizationCurrency currency)
{
    private static readonly KeysetPager<Service> Pager = new(s => s.Id,
        SortKey<Service>.By("name", s => s.Name), SortKey<Service>.By("criticality", s => s.Criticality),
        SortKey<Service>.By("lifecycle", s => s.Lifecycle));

    public async Task<Result<Page<ServiceView>>> ListAsync(ServiceFilter filter, PageRequest page, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.Forbidden("The portal lists services through the portal view.");
        }
        var query = db.Set<Service>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(s => s.Name.Contains(q) || s.Description.Contains(q));
        }
        if (filter.Lifecycle is { Count: > 0 } lifecycles)
        {
            query = query.Where(s => lifecycles.Contains(s.Lifecycle));
        }
        if (filter.OwnerId is { } owner)
        {
            query = query.Where(s => s.OwnerId == owner);
        }
        if (filter.TeamId is { } team)
        {
            query = query.Where(s => s.DeliveringTeamId == team);
        }
        var result = await Pager.PageAsync(query, page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var views = await ServiceViewsAsync(result.Value!.Items, ct);
        return new Page<ServiceView>(views, result.Value.NextCursor);
    }

    /// <summary>The requester's list: only live services with an active item offered to their business unit (the <see cref="Offering"/> rule).</summary>
    public async Task<Result<Page<PortalServiceView>>> ListPortalAsync(string? q, PageRequest page, CancellationToken ct)
    {
        var offered = await OfferedAsync(ct);
        var ids = offered.Keys.ToList();
        var query = db.Set<Service>().AsNoTracking().Where(s => ids.Contains(s.Id));
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            query = query.Where(s => s.Name.Contains(text) || s.Description.Contains(text));
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? result.Value!.Map(s => PortalView(s, offered[s.Id])) : result.Error!;
    }

    public async Task<Result<PortalServiceView>> GetPortalAsync(Guid id, CancellationToken ct)
    {
        var offered = await OfferedAsync(ct);
        var service = offered.ContainsKey(id) ? await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        return service is null ? Error.NotFound("The service") : PortalView(service, offered[id]);
    }

    public async Task<Result<ServiceView>> GetAsync(Guid id, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.NotFound("The service");
        }
        var service = await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return service is null ? Error.NotFound("The service") : (await ServiceViewsAsync([service], ct))[0];
    }

    public async Task<Result<ServiceFinanceView>> GetFinanceAsync(Guid id, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) != ServiceAudience.Finance)
        {
            return Error.NotFound("The service");
        }
        var service = await db.Set<Service>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        return service is null ? Error.NotFound("The service") : await FinanceViewAsync(service, ct);
    }

    public async Task<Result<ServiceFinanceView>> CreateAsync(ServiceDraft draft, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.ServiceOwner))
        {
            return Error.Forbidden("Only service owners and admins create services.");
        }
        var service = new Service
        {
            Name = draft.Name?.Trim() ?? "",
            Description = draft.Description?.Trim() ?? "",
            OwnerId = draft.OwnerId ?? user.UserId ?? Guid.Empty,
            DeliveringTeamId = draft.DeliveringTeamId ?? Guid.Empty,
            Criticality = draft.Criticality ?? 3,
        };
        if (!ServiceAccess.CanEdit(user, service))
        {
            return Error.Forbidden("A service owner creates services they own; an admin may name another owner.");
        }
        if (await ValidateAsync(service, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(service);
        await db.SaveChangesAsync(ct);
        return await FinanceViewAsync(service, ct);
    }

    public async Task<Result<ServiceFinanceView>> UpdateAsync(Guid id, long expectedVersion, ServicePatch patch, CancellationToken ct)
    {
        var service = await db.Set<Service>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null || ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.NotFound("The service");
        }
        if (!ServiceAccess.CanEdit(user, service))
        {
            return ServiceAccess.NotYours();
        }
        if (service.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        service.Name = patch.Name.Or(service.Name)?.Trim() ?? "";
        service.Description = patch.Description.Or(service.Description)?.Trim() ?? "";
        service.OwnerId = patch.OwnerId.Or(service.OwnerId) ?? Guid.Empty;
        service.DeliveringTeamId = patch.DeliveringTeamId.Or(service.DeliveringTeamId) ?? Guid.Empty;
        service.Criticality = patch.Criticality.Or(service.Criticality) ?? 0;
        // null is refused rather than read as 0: "no surveys" is a deliberate 0, never a missing value.
        service.SurveySampleRate = patch.SurveySampleRate.Or(service.SurveySampleRate) ?? -1m;
        service.ExperienceTarget = patch.ExperienceTarget.Or(service.ExperienceTarget) ?? -1;
        if (await ValidateAsync(service, ct) is { } invalid)
        {
            return invalid;
        }
        db.Entry(service).Property(s => s.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<ServiceFinanceView>)await FinanceViewAsync(service, ct);
    }

    /// <summary>Moves the service along its lifecycle (the Domain state machine); retiring with open work needs <c>confirm</c>.</summary>
    public async Task<Result<ServiceFinanceView>> TransitionAsync(Guid id, long? expectedVersion, ServiceTransition transition, CancellationToken ct)
    {
        var service = await db.Set<Service>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null || ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            return Error.NotFound("The service");
        }
        if (!ServiceAccess.CanEdit(user, service))
        {
            return ServiceAccess.NotYours();
        }
        if (transition.To is not { } to || !Enum.IsDefined(to))
        {
            return Error.Validation("to", "must be Pipeline, Live or Retired.");
        }
        if (expectedVersion is { } version && version != service.Version)
        {
            return Error.Concurrency();
        }
        var open = to == ServiceLifecycle.Retired ? await work.OpenWorkItemsAsync(id, ct) : 0;
        if (service.MoveTo(to, open, transition.Confirm) is { } refused)
        {
            return refused;
        }
        var saved = await db.SaveOrConflictAsync(ct);
        impact.Invalidate();
        return saved ?? (Result<ServiceFinanceView>)await FinanceViewAsync(service, ct);
    }

    private async Task<Error?> ValidateAsync(Service service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        service.Validate(errors);
        if (!errors.Any && await db.Set<Service>().AnyAsync(s => s.Id != service.Id && s.Name == service.Name, ct))
        {
            errors.Add("name", "is already used by another service.");
        }
        if (service.OwnerId != Guid.Empty && !await db.Users.AnyAsync(u => u.Id == service.OwnerId && u.IsActive, ct))
        {
            errors.Add("ownerId", "is not an active person.");
        }
        if (service.DeliveringTeamId != Guid.Empty && !await db.Set<Team>().AnyAsync(t => t.Id == service.DeliveringTeamId, ct))
        {
            errors.Add("deliveringTeamId", "is not a known team.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    /// <summary>Live services with at least one item offered to the caller's unit, and those items (catalogue-sized, read at once).</summary>
    private Task<Dictionary<Guid, IReadOnlyList<CatalogItem>>> OfferedAsync(CancellationToken ct) => OfferedAsync(db, user, ct);

    /// <summary>The ids of the services the portal offers <paramref name="user"/> (knowledge shows requesters only articles about these).</summary>
    public static async Task<IReadOnlyCollection<Guid>> OfferedServiceIdsAsync(KeelDb db, ICurrentUser user, CancellationToken ct) =>
        (await OfferedAsync(db, user, ct)).Keys;

    private static async Task<Dictionary<Guid, IReadOnlyList<CatalogItem>>> OfferedAsync(KeelDb db, ICurrentUser user, CancellationToken ct)
    {
        var unit = user.UserId is { } me
            ? await db.Users.Where(u => u.Id == me).Select(u => u.BusinessUnitId).FirstOrDefaultAsync(ct)
            : null;
        var live = await db.Set<Service>().AsNoTracking().Where(s => s.Lifecycle == ServiceLifecycle.Live).ToListAsync(ct);
        var liveIds = live.Select(s => s.Id).ToList();
        var items = await db.Set<CatalogItem>().AsNoTracking().Where(i => i.Active && liveIds.Contains(i.ServiceId)).ToListAsync(ct);
        return Offering.For(live, items, unit).ToDictionary(x => x.Service.Id, x => x.Items);
    }

    private static PortalServiceView PortalView(Service service, IReadOnlyList<CatalogItem> items) =>
        new(service.Id, service.Name, service.Description, items.Select(CatalogService.PortalView).ToList());

    /// <summary>Views for a page of services with three queries, whatever the page size (no N+1).</summary>
    internal async Task<List<ServiceView>> ServiceViewsAsync(IReadOnlyList<Service> services, CancellationToken ct)
    {
        var names = await NamesAsync(services, ct);
        var ids = services.Select(s => s.Id).ToList();
        var consumers = (await db.Set<ServiceConsumer>().AsNoTracking().Where(c => ids.Contains(c.ServiceId))
                .Join(db.Set<BusinessUnit>(), c => c.BusinessUnitId, b => b.Id, (c, b) => new { c.ServiceId, b.Id, b.Name })
                .ToListAsync(ct))
            .ToLookup(c => c.ServiceId, c => new Ref(c.Id, c.Name));
        return services.Select(s => new ServiceView(s.Id, s.Name, s.Description, names.Owner(s), names.Team(s), s.Lifecycle,
            s.Criticality, s.SurveySampleRate, s.ExperienceTarget, consumers[s.Id].OrderBy(c => c.Name, StringComparer.Ordinal).ToList(), s.Version)).ToList();
    }

    private async Task<ServiceFinanceView> FinanceViewAsync(Service s, CancellationToken ct)
    {
        var names = await NamesAsync([s], ct);
        var parts = new ServicePartsService(db, user, impact, currency);
        var consumers = await parts.ConsumerViewsAsync(s.Id, ct);
        var outcomes = await parts.OutcomeViewsAsync(s.Id, ct);
        var costs = await parts.CostItemViewsAsync(s.Id, ct);
        var total = new Money(costs.Sum(c => c.Monthly.Minor), currency.Code);
        return new ServiceFinanceView(s.Id, s.Name, s.Description, names.Owner(s), names.Team(s), s.Lifecycle, s.Criticality,
            s.SurveySampleRate, s.ExperienceTarget, consumers, outcomes, costs, total, s.Version);
    }

    private async Task<Names> NamesAsync(IReadOnlyList<Service> services, CancellationToken ct)
    {
        var owners = services.Select(s => s.OwnerId).Distinct().ToList();
        var teams = services.Select(s => s.DeliveringTeamId).Distinct().ToList();
        var people = await db.DisplayNamesAsync(owners, ct);
        var teamNames = await db.Set<Team>().Where(t => teams.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return new Names(people, teamNames);
    }

    private sealed record Names(Dictionary<Guid, string> People, Dictionary<Guid, string> Teams)
    {
        public Ref Owner(Service s) => new(s.OwnerId, People.GetValueOrDefault(s.OwnerId, ""));

        public Ref Team(Service s) => new(s.DeliveringTeamId, Teams.GetValueOrDefault(s.DeliveringTeamId, ""));
    }
}
