using Keel.Application.Balance;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class ValueStreamsSeedTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task DemoSeed_ThreeValidStreams_RestoreServiceHasPlausibleFigures(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using (var seed = database.NewDbContext())
        {
            (await DemoSeeder.SeedAsync(seed, DemoProfile.Demo, "Demo-Passw0rd!", database.Time, new DemoSeedOptions { WorkItems = 300 }, progress: null, Ct))
                .Seeded.ShouldBeTrue();
        }
        await using var db = database.NewDbContext();
        var streams = await db.Set<ValueStream>().AsNoTracking().OrderBy(s => s.Name).ToListAsync(Ct);

        streams.Select(s => s.Name).ShouldBe(["Deliver a normal change", "Onboard a new employee", "Restore service"]);
        foreach (var stream in streams)
        {
            var errors = new FieldErrors();
            stream.Validate(errors);
            errors.Any.ShouldBeFalse(stream.Name);
        }
        streams.Single(s => s.Name == "Onboard a new employee").CatalogItemId.ShouldNotBeNull();
        var today = DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime);
        var service = new ValueStreamService(db, TestUser.Admin, database.Time, new FlowReader(db));
        var restore = (await service.FlowAsync(streams.Single(s => s.Name == "Restore service").Id, today.AddDays(-180), today.AddDays(1), Ct)).Value!.Figures;
        restore.Finished.ShouldBeGreaterThan(0);
        restore.MedianLeadHours!.Value.ShouldBeInRange(0.1, 24 * 30);
        restore.MeanFlowEfficiency!.Value.ShouldBeInRange(0.001, 1);
        restore.ThroughputPerWeek.ShouldBeGreaterThan(0);
    }
}
