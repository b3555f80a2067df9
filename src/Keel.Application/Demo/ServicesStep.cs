using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;

namespace Keel.Application.Demo;

/// <summary>
/// Adds the service portfolio, its catalogue and the CMDB: a handful of records in the tiny profile (enough for every
/// authorization rule and an impact path across four CIs), about 25 services, 60 catalogue items and 2,000 CIs in the
/// demo profile. Amounts are euro cents.
/// </summary>
internal sealed class ServicesStep : IDemoSeedStep
{
    public const string Currency = "EUR";

    public string Name => "services";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var organization = context.Organization ?? throw new InvalidOperationException("The organization step runs first.");
        var seed = new ServicesSeed();
        switch (context.Profile)
        {
            case DemoProfile.Tiny:
                TinyServices.Build(context, organization, seed);
                break;
            case DemoProfile.Demo:
                DemoServices.Build(context, organization, seed);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(context), context.Profile, "Unknown demo profile.");
        }
        var db = context.Db;
        db.AddRange(seed.Services);
        db.AddRange(seed.Consumers);
        db.AddRange(seed.Outcomes);
        db.AddRange(seed.CostItems);
        db.AddRange(seed.CatalogItems);
        db.AddRange(seed.CostPools);
        db.AddRange(seed.Cis);
        await db.SaveChangesAsync(ct);
        db.AddRange(seed.Relationships);
        db.AddRange(seed.Cis.SelectMany(c => c.ServiceIds.Select(s => new CiServiceLinkRow { CiId = c.Id, ServiceId = s })));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        context.Services = seed;
        context.Count("services", seed.Services.Count);
        context.Count("catalogue items", seed.CatalogItems.Count);
        context.Count("cost pools", seed.CostPools.Count);
        context.Count("configuration items", seed.Cis.Count);
        context.Count("CI relationships", seed.Relationships.Count);
    }
}

/// <summary>What the services step builds before it saves it.</summary>
internal sealed class ServicesSeed
{
    public List<Service> Services { get; } = [];
    public List<ServiceConsumer> Consumers { get; } = [];
    public List<BusinessOutcome> Outcomes { get; } = [];
    public List<CostItem> CostItems { get; } = [];
    public List<CostPool> CostPools { get; } = [];
    public List<CatalogItem> CatalogItems { get; } = [];
    public List<ConfigurationItem> Cis { get; } = [];
    public List<CiRelationship> Relationships { get; } = [];

    public Service AddService(DemoSeedContext context, string name, string description, Guid ownerId, Guid teamId, ServiceLifecycle lifecycle, int criticality)
    {
        var service = new Service
        {
            Id = context.Ids.NextGuid(), Name = name, Description = description, OwnerId = ownerId, DeliveringTeamId = teamId,
            Lifecycle = lifecycle, Criticality = criticality,
        };
        Services.Add(service);
        return service;
    }

    public void AddConsumer(DemoSeedContext context, Service service, BusinessUnit unit, decimal? share) => Consumers.Add(new ServiceConsumer
    {
        Id = context.Ids.NextGuid(), ServiceId = service.Id, BusinessUnitId = unit.Id,
        Basis = share is null ? AllocationBasis.Tickets : AllocationBasis.FixedShares, Share = share,
    });

    /// <param name="ids">Where the id comes from: the seed's own sequence unless a caller keeps later ids where they were.</param>
    public void AddOutcome(DemoSeedContext context, Service service, string name, BusinessUnit unit, long yearlyEuros, OutcomeBasis basis, decimal contribution,
        DemoRandom? ids = null) =>
        Outcomes.Add(new BusinessOutcome
        {
            Id = (ids ?? context.Ids).NextGuid(), ServiceId = service.Id, Name = name, BusinessUnitId = unit.Id,
            YearlyValue = new Money(yearlyEuros * 100, ServicesStep.Currency), Basis = basis, Contribution = contribution,
        });

    public void AddCost(DemoSeedContext context, Service service, string name, CostCategory category, long monthlyEuros) => CostItems.Add(new CostItem
    {
        Id = context.Ids.NextGuid(), ServiceId = service.Id, Name = name, Category = category, Monthly = new Money(monthlyEuros * 100, ServicesStep.Currency),
    });

    public void AddPool(DemoSeedContext context, string name, long monthlyEuros, AllocationBasis basis, params (Service Service, decimal Share)[] shares) =>
        CostPools.Add(new CostPool
        {
            Id = context.Ids.NextGuid(), Name = name, Monthly = new Money(monthlyEuros * 100, ServicesStep.Currency), Basis = basis,
            Shares = shares.Select(s => new CostPoolShare(s.Service.Id, s.Share)).ToList(),
        });

    public CatalogItem AddItem(DemoSeedContext context, Service service, string name, string description, Domain.Services.Forms.FormDefinition form,
        IReadOnlyList<BusinessUnit>? onlyFor, ApprovalNeed approval, IReadOnlyList<FulfilmentTaskTemplate> tasks, int deliveryHours)
    {
        var item = new CatalogItem
        {
            Id = context.Ids.NextGuid(), ServiceId = service.Id, Name = name, Description = description, Form = form,
            ForEveryone = onlyFor is null, BusinessUnitIds = onlyFor?.Select(u => u.Id).ToList() ?? [], Approval = approval,
            Tasks = tasks.ToList(), ExpectedDelivery = TimeSpan.FromHours(deliveryHours),
        };
        CatalogItems.Add(item);
        return item;
    }

    public ConfigurationItem AddCi(DemoSeedContext context, string name, string type, Dictionary<string, string> attributes, params Service[] services)
    {
        var ci = new ConfigurationItem
        {
            Id = context.Ids.NextGuid(), Name = name, Type = type, Attributes = attributes, ServiceIds = services.Select(s => s.Id).ToList(),
        };
        Cis.Add(ci);
        return ci;
    }

    public void Relate(DemoSeedContext context, ConfigurationItem from, RelationshipType type, ConfigurationItem to) =>
        Relationships.Add(new CiRelationship { Id = context.Ids.NextGuid(), FromId = from.Id, ToId = to.Id, Type = type });
}
