using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Value;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Value;

namespace Keel.Application.Tests.Value;

/// <summary>
/// Two services with known costs, a pool, outcomes and consumers, and rollup rows written by hand, so every figure of
/// the value use cases can be worked out on paper. CRM: owned by the owner, EUR 3,100 of fixed cost a month, an outcome
/// of EUR 365,000 a year at 40 %; consumed by Sales (fixed 0.5) and Finance (by tickets). ERP: another owner, EUR 620 a month.
/// A tickets pool of EUR 1,000 a month. Sales has 3 people, Finance 1.
/// </summary>
internal sealed class ValueFiguresWorld
{
    public static readonly Period October = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));

    public required TestDatabase Database { get; init; }
    public required Service Crm { get; init; }
    public required Service Erp { get; init; }
    public required BusinessUnit Sales { get; init; }
    public required BusinessUnit Finance { get; init; }
    public required TestUser Owner { get; init; }
    public TestUser Leader { get; } = new("leader", Guid.NewGuid(), Roles.ItLeader);
    public TestUser Executive { get; } = new("exec", Guid.NewGuid(), Roles.Executive);
    public TestUser Agent { get; } = new("agent", Guid.NewGuid(), Roles.Agent);
    public TestUser Requester { get; } = new("requester", Guid.NewGuid(), Roles.Requester);

    public static async Task<ValueFiguresWorld> CreateAsync(TestDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        var owner = await PlatformData.AddUserAsync(database, "owner");
        var other = await PlatformData.AddUserAsync(database, "other-owner");
        var sales = await PlatformData.AddBusinessUnitAsync(database, "Sales", "SAL");
        var finance = await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");
        foreach (var (name, unit) in new[] { ("s1", sales), ("s2", sales), ("s3", sales), ("f1", finance) })
        {
            var person = await PlatformData.AddUserAsync(database, name);
            await using var edit = database.NewDbContext();
            edit.Attach(person);
            person.BusinessUnitId = unit.Id;
            await edit.SaveChangesAsync(ct);
        }
        var team = new Team { Name = "Apps" };
        var crm = new Service { Name = "CRM", Description = "Customers.", OwnerId = owner.Id, DeliveringTeamId = team.Id, Lifecycle = ServiceLifecycle.Live, ExperienceTarget = 80 };
        var erp = new Service { Name = "ERP", Description = "Books.", OwnerId = other.Id, DeliveringTeamId = team.Id, Lifecycle = ServiceLifecycle.Live };
        await using var db = database.NewDbContext();
        db.AddRange(team, crm, erp);
        db.Add(new CostItem { ServiceId = crm.Id, Name = "Licences", Monthly = new Money(3_100_00, "EUR"), Category = CostCategory.Licences });
        db.Add(new CostItem { ServiceId = erp.Id, Name = "Hosting", Monthly = new Money(620_00, "EUR"), Category = CostCategory.Infrastructure });
        db.Add(new CostPool { Name = "Desk tooling", Monthly = new Money(1_000_00, "EUR"), Basis = AllocationBasis.Tickets });
        db.Add(new BusinessOutcome
        {
            ServiceId = crm.Id, Name = "Pipeline visibility", BusinessUnitId = sales.Id, YearlyValue = new Money(365_000_00, "EUR"),
            Basis = OutcomeBasis.RevenueEnabled, Contribution = 0.4m,
        });
        db.Add(new ServiceConsumer { ServiceId = crm.Id, BusinessUnitId = sales.Id, Basis = AllocationBasis.FixedShares, Share = 0.5m });
        db.Add(new ServiceConsumer { ServiceId = crm.Id, BusinessUnitId = finance.Id, Basis = AllocationBasis.Tickets });
        await db.SaveChangesAsync(ct);
        return new ValueFiguresWorld
        {
            Database = database, Crm = crm, Erp = erp, Sales = sales, Finance = finance,
            Owner = new TestUser("owner", owner.Id, Roles.ServiceOwner),
        };
    }

    public async Task AddDaysAsync(params ServiceDay[] days)
    {
        await using var db = Database.NewDbContext();
        db.AddRange(days);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task AddUnitDaysAsync(params ServiceUnitDay[] days)
    {
        await using var db = Database.NewDbContext();
        db.AddRange(days);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<ValueService, CockpitService, ShowbackExport, ExperienceSettingsService, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        var inputs = new ValueInputs(db, OrganizationCurrency.Default);
        return await action(new ValueService(user, inputs), new CockpitService(db, user, inputs, Database.Time), new ShowbackExport(user, inputs),
            new ExperienceSettingsService(db, user));
    }

    public Task<Result<ServiceValueView>> ValueAsync(ICurrentUser user, Service service, Period period) =>
        RunAsync(user, (value, _, _, _) => value.GetAsync(service.Id, period, TestContext.Current.CancellationToken));
}
