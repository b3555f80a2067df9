using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Services;

public sealed class CmdbTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Impact_StoredGraphWithCycle_TerminatesWithDepthsPathsServicesAndUnits(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var crm = (await world.CreateServiceAsync("CRM")).Value!;
        await world.RunAsync(world.Owner, u => u.Parts.AddConsumerAsync(crm.Id, new ConsumerDraft(world.Sales.Id, AllocationBasis.Tickets, null), Ct));
        var sw = await AddCiAsync(world, "core-switch", CiTypes.NetworkDevice);
        var host = await AddCiAsync(world, "esx-01", CiTypes.Server);
        var app = await AddCiAsync(world, "crm-app", CiTypes.Application, crm.Id);
        var api = await AddCiAsync(world, "crm-api", CiTypes.Application);
        await RelateAsync(world, host, RelationshipType.ConnectsTo, sw);
        await RelateAsync(world, app, RelationshipType.RunsOn, host);
        // A cycle: the app and its API need each other.
        await RelateAsync(world, app, RelationshipType.DependsOn, api);
        await RelateAsync(world, api, RelationshipType.DependsOn, app);

        var impact = (await world.RunAsync(world.Owner, u => u.Impact.AnalyzeAsync(sw, null, Ct))).Value!;

        impact.ConfigurationItems.Select(c => (c.Name, c.Depth)).ShouldBe([("esx-01", 1), ("crm-app", 2), ("crm-api", 3)]);
        var service = impact.Services.ShouldHaveSingleItem();
        service.Service.Name.ShouldBe("CRM");
        service.Path.Cis.Select(c => c.Name).ShouldBe(["core-switch", "esx-01", "crm-app"]);
        service.Path.Via.ShouldBe([RelationshipType.ConnectsTo, RelationshipType.RunsOn]);
        var unit = impact.BusinessUnits.ShouldHaveSingleItem();
        unit.BusinessUnit.Name.ShouldBe("Sales");
        unit.Path.Cis.Count.ShouldBe(3);
        impact.Truncated.ShouldBeFalse();

        var shallow = (await world.RunAsync(world.Owner, u => u.Impact.AnalyzeAsync(sw, 1, Ct))).Value!;
        shallow.ConfigurationItems.Select(c => c.Name).ShouldBe(["esx-01"]);
        shallow.Truncated.ShouldBeTrue();
        shallow.Services.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Impact_RelationshipRemoved_NextAnalysisSeesTheChange(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var a = await AddCiAsync(world, "a", CiTypes.Server);
        var b = await AddCiAsync(world, "b", CiTypes.Application);
        var relationship = await RelateAsync(world, b, RelationshipType.RunsOn, a);
        (await world.RunAsync(world.Owner, u => u.Impact.AnalyzeAsync(a, null, Ct))).Value!.ConfigurationItems.Count.ShouldBe(1);

        (await world.RunAsync(world.Owner, u => u.Relationships.RemoveAsync(a, relationship, Ct))).IsSuccess.ShouldBeTrue();

        (await world.RunAsync(world.Owner, u => u.Impact.AnalyzeAsync(a, null, Ct))).Value!.ConfigurationItems.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Ci_DeletedWhileRelated_RefusedWithReasonAndKept(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var a = await AddCiAsync(world, "a", CiTypes.Server);
        var b = await AddCiAsync(world, "b", CiTypes.Application);
        var relationship = await RelateAsync(world, b, RelationshipType.RunsOn, a);

        var refused = await world.RunAsync(world.Owner, u => u.Cis.DeleteAsync(a, Ct));

        refused.Error!.Code.ShouldBe("conflict");
        refused.Error.Message.ShouldContain("1 relationship");
        await world.RunAsync(world.Owner, u => u.Relationships.RemoveAsync(a, relationship, Ct));
        (await world.RunAsync(world.Owner, u => u.Cis.DeleteAsync(a, Ct))).IsSuccess.ShouldBeTrue();
        await using var db = database.NewDbContext();
        (await db.Set<ConfigurationItem>().Select(c => c.Name).ToListAsync(Ct)).ShouldBe(["b"]);
    }

    [Theory, DatabaseData]
    public async Task Ci_CreatedAndPatched_AttributesAndServiceLinksRoundTrip(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var crm = (await world.CreateServiceAsync("CRM")).Value!;
        var erp = (await world.CreateServiceAsync("ERP")).Value!;
        var created = (await world.RunAsync(world.Owner, u => u.Cis.CreateAsync(
            new CiDraft("db-01", "database", null, world.OwnerUser.Id, new() { ["engine"] = "PostgreSQL" }, [crm.Id]), Ct))).Value!;

        var patched = await world.RunAsync(world.Owner, u => u.Cis.UpdateAsync(created.Id, created.Version,
            new CiPatch(default, default, CiStatus.Maintenance, default, new Dictionary<string, string> { ["engine"] = "PostgreSQL 16" }, new List<Guid> { erp.Id }), Ct));
        var listed = await world.RunAsync(world.Owner, u => u.Cis.ListAsync(new CiFilter(ServiceId: erp.Id), new PageRequest(), Ct));

        created.Type.ShouldBe("Database");
        patched.Value!.Status.ShouldBe(CiStatus.Maintenance);
        patched.Value.Attributes["engine"].ShouldBe("PostgreSQL 16");
        patched.Value.Services.Select(s => s.Name).ShouldBe(["ERP"]);
        patched.Value.Version.ShouldBe(created.Version + 1);
        listed.Value!.Items.Select(c => c.Name).ShouldBe(["db-01"]);
    }

    private static async Task<Guid> AddCiAsync(ServicesWorld world, string name, string type, params Guid[] services) =>
        (await world.RunAsync(world.Owner, u => u.Cis.CreateAsync(new CiDraft(name, type, null, null, null, services), Ct))).Value!.Id;

    private static async Task<Guid> RelateAsync(ServicesWorld world, Guid from, RelationshipType type, Guid to)
    {
        var result = await world.RunAsync(world.Owner, u => u.Relationships.AddAsync(from, new RelationshipDraft(type, to, null), Ct));
        result.Error.ShouldBeNull();
        return result.Value!.Id;
    }
}
