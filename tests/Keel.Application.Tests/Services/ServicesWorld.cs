using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Application.Work;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Domain.Platform;

namespace Keel.Application.Tests.Services;

/// <summary>An owner, a team and two business units in a test database, and the services use cases on fresh contexts.</summary>
internal sealed class ServicesWorld
{
    private ServicesWorld(TestDatabase database, KeelUser owner, Team team, BusinessUnit sales, BusinessUnit finance)
    {
        Database = database;
        OwnerUser = owner;
        Team = team;
        Sales = sales;
        Finance = finance;
        Owner = new TestUser("owner", owner.Id, Roles.ServiceOwner);
    }

    public TestDatabase Database { get; }
    public KeelUser OwnerUser { get; }
    public TestUser Owner { get; }
    public Team Team { get; }
    public BusinessUnit Sales { get; }
    public BusinessUnit Finance { get; }
    public ImpactGraphCache Cache { get; } = new();

    public static async Task<ServicesWorld> CreateAsync(TestDatabase database)
    {
        var owner = await PlatformData.AddUserAsync(database, "owner");
        var sales = await PlatformData.AddBusinessUnitAsync(database, "Sales", "SAL");
        var finance = await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");
        var team = new Team { Name = "Service Desk" };
        await using (var db = database.NewDbContext())
        {
            db.Add(team);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        return new ServicesWorld(database, owner, team, sales, finance);
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<UseCases, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        return await action(new UseCases(
            new PortfolioService(db, user, new ServiceWorkCounter(db), Cache, OrganizationCurrency.Default),
            new ServicePartsService(db, user, Cache, OrganizationCurrency.Default),
            new CatalogService(db, user),
            new ConfigurationItemService(db, user, Cache, new ServiceWorkCounter(db)),
            new CiRelationshipService(db, user, Cache),
            new ImpactService(db, user, Cache)));
    }

    public Task<Result<ServiceFinanceView>> CreateServiceAsync(string name) =>
        RunAsync(Owner, u => u.Portfolio.CreateAsync(new ServiceDraft(name, $"{name} for the business.", null, Team.Id, 2), TestContext.Current.CancellationToken));
}

internal sealed record UseCases(
    PortfolioService Portfolio, ServicePartsService Parts, CatalogService Catalog, ConfigurationItemService Cis,
    CiRelationshipService Relationships, ImpactService Impact);
