using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Services;

public sealed class CostPoolTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task CostPool_FixedShares_RoundTripAndMustAddUpToOne(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var crm = (await world.CreateServiceAsync("CRM")).Value!;
        var erp = (await world.CreateServiceAsync("ERP")).Value!;
        async Task<Result<T>> Admin<T>(Func<CostPoolService, Task<Result<T>>> action)
        {
            await using var db = database.NewDbContext();
            return await action(new CostPoolService(db, TestUser.Admin, OrganizationCurrency.Default));
        }

        var created = await Admin(p => p.CreateAsync(new CostPoolDraft("Data centre", new MoneyDraft(42_000_00, null), AllocationBasis.FixedShares,
            [new CostPoolShareDraft(crm.Id, 0.333334m), new CostPoolShareDraft(erp.Id, 0.666666m)]), Ct));
        var refused = await Admin(p => p.UpdateAsync(created.Value!.Id, created.Value.Version,
            new CostPoolPatch(default, default, default, new List<CostPoolShareDraft> { new(crm.Id, 0.5m) }), Ct));
        var listed = await Admin(p => p.ListAsync(null, new PageRequest(), Ct));

        created.Error.ShouldBeNull();
        refused.Error!.Fields!.Keys.ShouldContain("shares");
        var pool = listed.Value!.Items.ShouldHaveSingleItem();
        pool.Monthly.ShouldBe(new Money(42_000_00, "EUR"));
        pool.Shares.Select(s => (s.Service.Name, s.Share)).ShouldBe([("CRM", 0.333334m), ("ERP", 0.666666m)]);
        await using var read = database.NewDbContext();
        (await read.Set<CostPool>().SingleAsync(Ct)).Version.ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task CostPool_NotAdmin_CannotCreateAndAgentCannotRead(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        await using var db = database.NewDbContext(world.Owner);

        var byOwner = await new CostPoolService(db, world.Owner, OrganizationCurrency.Default)
            .CreateAsync(new CostPoolDraft("Tooling", new MoneyDraft(100, null), AllocationBasis.Tickets, null), Ct);
        var byAgent = await new CostPoolService(db, new TestUser("agent", Guid.NewGuid(), Roles.Agent), OrganizationCurrency.Default)
            .ListAsync(null, new PageRequest(), Ct);

        byOwner.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        byAgent.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await db.Set<CostPool>().CountAsync(Ct)).ShouldBe(0);
    }
}
