using System.Diagnostics;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Services;

public sealed class ServicesSeedTests(DatabaseFixture databases)
{
    // The portfolio is the subject here; the work history has tests of its own (Demo/WorkHistorySeedTests).
    private static readonly DemoSeedOptions NoWorkHistory = new() { WorkItems = 0 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Demo_Seeded_PortfolioCatalogueAndEstateThatPassTheirOwnRules(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var db = database.NewDbContext();
        var clock = Stopwatch.StartNew();
        var result = await DemoSeeder.SeedAsync(db, DemoProfile.Demo, "Demo-Passw0rd!", database.Time, NoWorkHistory, progress: null, Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: {result.Summary} in {clock.ElapsedMilliseconds} ms");

        result.CountOf("services").ShouldBe(25);
        result.CountOf("catalogue items").ShouldBe(60);
        result.CountOf("configuration items").ShouldBe(2_000);
        result.CountOf("CI relationships").ShouldBeGreaterThan(2_000);
        await using var read = database.NewDbContext();
        var services = await read.Set<Service>().ToListAsync(Ct);
        services.Count(s => s.Lifecycle == ServiceLifecycle.Live).ShouldBe(20);
        var owner = await read.Users.SingleAsync(u => u.UserName == DemoAccounts.Owner, Ct);
        services.Count(s => s.OwnerId == owner.Id && s.Lifecycle == ServiceLifecycle.Live).ShouldBeGreaterThan(2);
        foreach (var service in services)
        {
            var errors = new FieldErrors();
            service.Validate(errors);
            ServiceConsumer.ValidateSet(await read.Set<ServiceConsumer>().Where(c => c.ServiceId == service.Id).ToListAsync(Ct), errors);
            errors.Any.ShouldBeFalse(service.Name);
        }
        (await read.Set<CostItem>().CountAsync(Ct)).ShouldBeGreaterThanOrEqualTo(50);
        (await read.Set<BusinessOutcome>().CountAsync(Ct)).ShouldBe(25 + DemoServiceProfiles.ExtraOutcomes.Length, "one per service and more for some");
        foreach (var item in await read.Set<CatalogItem>().ToListAsync(Ct))
        {
            var errors = new FieldErrors();
            item.Validate(errors);
            errors.Any.ShouldBeFalse(item.Name);
        }
    }

    [Theory, DatabaseData]
    public async Task Demo_CoreSwitchFails_ImpactReachesManyServicesAndEveryUnitDespiteTheCycle(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using (var seedDb = database.NewDbContext())
        {
            await DemoSeeder.SeedAsync(seedDb, DemoProfile.Demo, "Demo-Passw0rd!", database.Time, NoWorkHistory, progress: null, Ct);
        }
        await using var db = database.NewDbContext();
        var core = await db.Set<ConfigurationItem>().Where(c => c.Name == "core-switch-fra-01").Select(c => c.Id).SingleAsync(Ct);
        var clock = Stopwatch.StartNew();

        var impact = (await new ImpactService(db, TestUser.Admin, new ImpactGraphCache()).AnalyzeAsync(core, null, Ct)).Value!;
        TestContext.Current.TestOutputHelper?.WriteLine($"{provider}: impact with graph load in {clock.ElapsedMilliseconds} ms");

        impact.ConfigurationItems.Count.ShouldBeGreaterThan(500);
        impact.Services.Count.ShouldBeGreaterThan(5);
        impact.BusinessUnits.Count.ShouldBe(6);
        impact.Services.ShouldAllBe(s => s.Path.Cis[0].Id == core && s.Path.Cis.Count == s.Path.Via.Count + 1);
    }
}
