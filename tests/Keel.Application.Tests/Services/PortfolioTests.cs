using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Services;

public sealed class PortfolioTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Service_CreatedWithConsumersOutcomesAndCosts_ReadsBackExactly(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("CRM")).Value!;

        (await world.RunAsync(world.Owner, u => u.Parts.AddConsumerAsync(service.Id, new ConsumerDraft(world.Sales.Id, AllocationBasis.FixedShares, 0.333333m), Ct))).IsSuccess.ShouldBeTrue();
        (await world.RunAsync(world.Owner, u => u.Parts.AddConsumerAsync(service.Id, new ConsumerDraft(world.Finance.Id, AllocationBasis.Tickets, null), Ct))).IsSuccess.ShouldBeTrue();
        (await world.RunAsync(world.Owner, u => u.Parts.AddOutcomeAsync(service.Id,
            new OutcomeDraft("Pipeline visibility", world.Sales.Id, new MoneyDraft(250_000_00, null), OutcomeBasis.RevenueEnabled, 0.25m), Ct))).IsSuccess.ShouldBeTrue();
        (await world.RunAsync(world.Owner, u => u.Parts.AddCostItemAsync(service.Id, new CostItemDraft("Licences", CostCategory.Licences, new MoneyDraft(1_234_56, "EUR")), Ct))).IsSuccess.ShouldBeTrue();
        (await world.RunAsync(world.Owner, u => u.Parts.AddCostItemAsync(service.Id, new CostItemDraft("Hosting", CostCategory.Infrastructure, new MoneyDraft(500_00, null)), Ct))).IsSuccess.ShouldBeTrue();

        var read = (await world.RunAsync(world.Owner, u => u.Portfolio.GetFinanceAsync(service.Id, Ct))).Value!;
        read.Consumers.Select(c => (c.BusinessUnit.Name, c.Basis, c.Share)).ShouldBe([("Finance", AllocationBasis.Tickets, null), ("Sales", AllocationBasis.FixedShares, 0.333333m)]);
        read.Outcomes.Single().YearlyValue.ShouldBe(new Money(250_000_00, "EUR"));
        read.Outcomes.Single().Contribution.ShouldBe(0.25m);
        read.MonthlyCost.ShouldBe(new Money(1_734_56, "EUR"));
        read.Owner.Name.ShouldBe("owner");
        read.DeliveringTeam.Name.ShouldBe("Service Desk");
    }

    [Theory, DatabaseData]
    public async Task Consumer_SharesAboveOneOrTooPrecise_RefusedAndNothingWritten(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("CRM")).Value!;
        (await world.RunAsync(world.Owner, u => u.Parts.AddConsumerAsync(service.Id, new ConsumerDraft(world.Sales.Id, AllocationBasis.FixedShares, 0.7m), Ct))).IsSuccess.ShouldBeTrue();

        var tooMuch = await world.RunAsync(world.Owner, u => u.Parts.AddConsumerAsync(service.Id, new ConsumerDraft(world.Finance.Id, AllocationBasis.FixedShares, 0.4m), Ct));
        var tooPrecise = await world.RunAsync(world.Owner, u => u.Parts.AddConsumerAsync(service.Id, new ConsumerDraft(world.Finance.Id, AllocationBasis.FixedShares, 0.1234567m), Ct));

        tooMuch.Error!.Fields!.Keys.ShouldContain("businessUnitId");
        tooPrecise.Error!.Fields!.Keys.ShouldContain("share");
        await using var db = database.NewDbContext();
        (await db.Set<ServiceConsumer>().CountAsync(Ct)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task Service_PatchedWithStaleVersion_ConcurrencyConflictAndFirstWriteKept(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("CRM")).Value!;

        var first = await world.RunAsync(world.Owner, u => u.Portfolio.UpdateAsync(service.Id, service.Version, new ServicePatch(default, "New words", default, default, 1), Ct));
        var stale = await world.RunAsync(world.Owner, u => u.Portfolio.UpdateAsync(service.Id, service.Version, new ServicePatch("Renamed", default, default, default, default), Ct));

        first.Value!.Criticality.ShouldBe(1);
        first.Value.Version.ShouldBe(service.Version + 1);
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        (await world.RunAsync(world.Owner, u => u.Portfolio.GetAsync(service.Id, Ct))).Value!.Name.ShouldBe("CRM");
    }

    [Theory, DatabaseData]
    public async Task Service_OtherOwnersService_ForbiddenToChange(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("CRM")).Value!;
        var otherOwner = new TestUser("other", Guid.NewGuid(), Roles.ServiceOwner);

        var result = await world.RunAsync(otherOwner, u => u.Portfolio.UpdateAsync(service.Id, service.Version, new ServicePatch("Mine now", default, default, default, default), Ct));

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Theory, DatabaseData]
    public async Task Service_Lifecycle_FollowsTheStateMachineAndFiltersTheList(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var crm = (await world.CreateServiceAsync("CRM")).Value!;
        await world.CreateServiceAsync("ERP");

        var live = await world.RunAsync(world.Owner, u => u.Portfolio.TransitionAsync(crm.Id, null, new ServiceTransition(ServiceLifecycle.Live), Ct));
        var backToPipeline = await world.RunAsync(world.Owner, u => u.Portfolio.TransitionAsync(crm.Id, null, new ServiceTransition(ServiceLifecycle.Pipeline), Ct));
        var listed = await world.RunAsync(world.Owner, u => u.Portfolio.ListAsync(new ServiceFilter(Lifecycle: [ServiceLifecycle.Live], OwnerId: world.OwnerUser.Id), new PageRequest(), Ct));

        live.Value!.Lifecycle.ShouldBe(ServiceLifecycle.Live);
        backToPipeline.Error!.Code.ShouldBe("illegal_transition");
        backToPipeline.Error.Allowed.ShouldBe(["Retired"]);
        listed.Value!.Items.Select(s => s.Name).ShouldBe(["CRM"]);
    }
}

public sealed class RetirementTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class OpenWork(int count) : IServiceWorkCounter
    {
        public Task<int> OpenWorkItemsAsync(Guid serviceId, CancellationToken ct) => Task.FromResult(count);

        public Task<(int All, int Open)> WorkOnCiAsync(Guid ciId, CancellationToken ct) => Task.FromResult((count, count));
    }

    [Theory, DatabaseData]
    public async Task Service_RetiredWithOpenWork_NeedsConfirmationAndTheRetirementIsAudited(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("CRM")).Value!;
        async Task<Result<ServiceFinanceView>> Retire(bool confirm)
        {
            await using var db = database.NewDbContext(world.Owner);
            return await new PortfolioService(db, world.Owner, new OpenWork(3), world.Cache, OrganizationCurrency.Default)
                .TransitionAsync(service.Id, null, new ServiceTransition(ServiceLifecycle.Retired, confirm), Ct);
        }

        var unconfirmed = await Retire(false);
        var confirmed = await Retire(true);

        unconfirmed.Error!.Code.ShouldBe("confirmation_required");
        unconfirmed.Error.Kind.ShouldBe(ErrorKind.Conflict);
        confirmed.Value!.Lifecycle.ShouldBe(ServiceLifecycle.Retired);
        await using var read = database.NewDbContext();
        var line = await read.Set<AuditEntry>().Where(a => a.EntityType == nameof(Service) && a.Action == AuditAction.Updated).SingleAsync(Ct);
        line.UserName.ShouldBe("owner");
        line.Changes.ShouldContain("Lifecycle");
    }
}
