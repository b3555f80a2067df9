using Keel.Application.Data;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Services.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Services;

public sealed class CiImportTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ImportReport> ImportAsync(ServicesWorld world, Func<CiImportService, Task<Keel.Domain.Platform.Result<ImportReport>>> import)
    {
        await using var db = world.Database.NewDbContext(world.Owner);
        var result = await import(new CiImportService(db, world.Owner, world.Cache));
        return result.Value!;
    }

    [Theory, DatabaseData]
    public async Task ImportCis_SecondFileUpdatesSomeAndRejectsOne_RejectedCiKeepsItsValuesOthersKeepTheirLinks(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        await world.CreateServiceAsync("CRM");
        var first = await ImportAsync(world, s => s.ImportCisAsync("""
            name,type,status,services,attr.ip
            crm-app,Application,Active,CRM,10.0.0.1
            crm-db,Database,Active,CRM,10.0.0.2
            """, Ct));

        // No services column: the links stay. crm-db's row is bad (unknown status): nothing of it is saved.
        var second = await ImportAsync(world, s => s.ImportCisAsync("""
            name,type,status,attr.ip
            CRM-APP,Application,Maintenance,10.0.0.9
            crm-db,Database,Broken,10.9.9.9
            crm-cache,Middleware,,
            """, Ct));

        first.Created.ShouldBe(2);
        second.Created.ShouldBe(1);
        second.Updated.ShouldBe(1);
        second.Rejected.ShouldHaveSingleItem().Line.ShouldBe(3);
        await using var db = database.NewDbContext();
        var cis = await db.Set<ConfigurationItem>().AsNoTracking().ToDictionaryAsync(c => c.Name, Ct);
        cis["crm-app"].Status.ShouldBe(CiStatus.Maintenance);
        cis["crm-app"].Attributes["ip"].ShouldBe("10.0.0.9");
        cis["crm-db"].Status.ShouldBe(CiStatus.Active);
        cis["crm-db"].Attributes["ip"].ShouldBe("10.0.0.2");
        cis["crm-cache"].Status.ShouldBe(CiStatus.Active);
        (await db.Set<CiServiceLinkRow>().CountAsync(l => l.CiId == cis["crm-app"].Id || l.CiId == cis["crm-db"].Id, Ct)).ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task ImportRelationships_FileImportedTwice_NothingDoubled(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        await ImportAsync(world, s => s.ImportCisAsync("name,type\napp,Application\ndb,Database\nhost,Server\n", Ct));
        const string relationships = "from,type,to\napp,DependsOn,db\ndb,RunsOn,host\napp,RunsOn,host\n";

        var first = await ImportAsync(world, s => s.ImportRelationshipsAsync(relationships, Ct));
        var again = await ImportAsync(world, s => s.ImportRelationshipsAsync(relationships + "host,DependsOn,app\n", Ct));

        first.Created.ShouldBe(3);
        again.Created.ShouldBe(1);
        again.Rejected.ShouldBeEmpty();
        await using var db = database.NewDbContext();
        (await db.Set<CiRelationship>().CountAsync(Ct)).ShouldBe(4);
    }
}
