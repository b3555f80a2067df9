using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Map;

namespace Keel.Application.Tests.Services;

public sealed class ServiceMapTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TestUser Agent = new("agent", Guid.NewGuid(), Roles.Agent);

    [Theory, DatabaseData]
    public async Task ServiceMap_StoredEstate_ServiceItsCisAndWhatTheyNeedWithNamesTypesAndStatuses(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var crm = (await world.CreateServiceAsync("CRM")).Value!;
        var sw = await AddCiAsync(world, "core-switch", CiTypes.NetworkDevice, CiStatus.Active);
        var host = await AddCiAsync(world, "esx-01", CiTypes.Server, CiStatus.Maintenance);
        var app = await AddCiAsync(world, "crm-app", CiTypes.Application, CiStatus.Active, crm.Id);
        var api = await AddCiAsync(world, "crm-api", CiTypes.Application, CiStatus.Planned);
        await RelateAsync(world, host, RelationshipType.ConnectsTo, sw);
        await RelateAsync(world, app, RelationshipType.RunsOn, host);
        await RelateAsync(world, app, RelationshipType.DependsOn, api);
        await RelateAsync(world, api, RelationshipType.DependsOn, app);

        var map = (await MapAsync(world, Agent, s => s.ForServiceAsync(crm.Id, 2, Ct))).Value!;

        map.Service.ShouldBe(new Ref(crm.Id, "CRM"));
        map.Nodes.Select(n => (n.Name, n.Kind, n.Type, n.Status, n.Depth)).ShouldBe([
            ("CRM", MapNodeKind.Service, "Service", "Pipeline", 0),
            ("crm-app", MapNodeKind.Ci, "Application", "Active", 1),
            ("esx-01", MapNodeKind.Ci, "Server", "Maintenance", 2),
            ("crm-api", MapNodeKind.Ci, "Application", "Planned", 2),
        ], ignoreOrder: true);
        Edges(map).ShouldBe([("CRM", "DeliveredBy", "crm-app"), ("crm-app", "RunsOn", "esx-01"), ("crm-app", "DependsOn", "crm-api"), ("crm-api", "DependsOn", "crm-app")],
            ignoreOrder: true);
        map.Deeper.ShouldBeTrue();
        map.Truncated.ShouldBeFalse();
        map.Nodes.ShouldAllBe(n => n.X > 0 && n.X < map.Width && n.Y > 0 && n.Y < map.Height);
    }

    [Theory, DatabaseData]
    public async Task ServiceMap_RelationshipAddedAfterAMap_NextMapShowsIt(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var crm = (await world.CreateServiceAsync("CRM")).Value!;
        var app = await AddCiAsync(world, "crm-app", CiTypes.Application, CiStatus.Active, crm.Id);
        var db = await AddCiAsync(world, "crm-db", CiTypes.Database, CiStatus.Active);
        (await MapAsync(world, Agent, s => s.ForServiceAsync(crm.Id, null, Ct))).Value!.Nodes.Count.ShouldBe(2);

        await RelateAsync(world, app, RelationshipType.DependsOn, db);

        var map = (await MapAsync(world, Agent, s => s.ForServiceAsync(crm.Id, null, Ct))).Value!;
        map.Nodes.Select(n => n.Name).ShouldBe(["CRM", "crm-app", "crm-db"]);
        map.Depth.ShouldBe(ServiceMapService.DefaultDepth);
    }

    [Theory, DatabaseData]
    public async Task CiMap_CentredOnACi_ShowsOnlyWhatItNeeds(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var crm = (await world.CreateServiceAsync("CRM")).Value!;
        var sw = await AddCiAsync(world, "core-switch", CiTypes.NetworkDevice, CiStatus.Active);
        var host = await AddCiAsync(world, "esx-01", CiTypes.Server, CiStatus.Active);
        var app = await AddCiAsync(world, "crm-app", CiTypes.Application, CiStatus.Active, crm.Id);
        await RelateAsync(world, host, RelationshipType.ConnectsTo, sw);
        await RelateAsync(world, app, RelationshipType.RunsOn, host);

        var map = (await MapAsync(world, Agent, s => s.ForCiAsync(host, 6, Ct))).Value!;

        map.ConfigurationItem.ShouldBe(new Ref(host, "esx-01"));
        map.Service.ShouldBeNull();
        map.Nodes.Select(n => (n.Name, n.Depth)).ShouldBe([("esx-01", 0), ("core-switch", 1)]);
        Edges(map).ShouldBe([("esx-01", "ConnectsTo", "core-switch")]);
    }

    [Theory, DatabaseData]
    public async Task ServiceMap_RequesterUnknownIdOrBadDepth_NotFoundOrValidation(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var crm = (await world.CreateServiceAsync("CRM")).Value!;
        var app = await AddCiAsync(world, "crm-app", CiTypes.Application, CiStatus.Active, crm.Id);
        var requester = new TestUser("rita", Guid.NewGuid(), Roles.Requester);

        (await MapAsync(world, requester, s => s.ForServiceAsync(crm.Id, null, Ct))).Error!.Code.ShouldBe("not_found");
        (await MapAsync(world, requester, s => s.ForCiAsync(app, null, Ct))).Error!.Code.ShouldBe("not_found");
        (await MapAsync(world, Agent, s => s.ForServiceAsync(Guid.NewGuid(), null, Ct))).Error!.Code.ShouldBe("not_found");
        (await MapAsync(world, Agent, s => s.ForCiAsync(Guid.NewGuid(), null, Ct))).Error!.Code.ShouldBe("not_found");
        var tooDeep = (await MapAsync(world, Agent, s => s.ForServiceAsync(crm.Id, 7, Ct))).Error!;
        tooDeep.Code.ShouldBe("validation_failed");
        tooDeep.Fields!.Keys.ShouldBe(["depth"]);
        (await MapAsync(world, Agent, s => s.ForServiceAsync(crm.Id, 0, Ct))).Error!.Code.ShouldBe("validation_failed");
    }

    private static async Task<Result<ServiceMapView>> MapAsync(ServicesWorld world, TestUser user, Func<ServiceMapService, Task<Result<ServiceMapView>>> call)
    {
        await using var db = world.Database.NewDbContext(user);
        return await call(new ServiceMapService(db, user, world.Cache));
    }

    private static (string, string, string)[] Edges(ServiceMapView map)
    {
        var names = map.Nodes.ToDictionary(n => n.Id, n => n.Name);
        return map.Edges.Select(e => (names[e.From], e.Type, names[e.To])).ToArray();
    }

    private static async Task<Guid> AddCiAsync(ServicesWorld world, string name, string type, CiStatus status, params Guid[] services) =>
        (await world.RunAsync(world.Owner, u => u.Cis.CreateAsync(new CiDraft(name, type, status, null, null, services), Ct))).Value!.Id;

    private static async Task RelateAsync(ServicesWorld world, Guid from, RelationshipType type, Guid to) =>
        (await world.RunAsync(world.Owner, u => u.Relationships.AddAsync(from, new RelationshipDraft(type, to, null), Ct))).Error.ShouldBeNull();
}
