using System.Net;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Services;

public sealed class ServiceMapApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Agent_ServiceMap_TheServiceItsCisAndTheirStackLaidOutWithoutCosts(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var agent = await app.ClientForAsync("agent");
        var id = await IdAsync(agent, "/api/v1/services", "Workplace Services");

        var response = await agent.GetAsync($"/api/v1/services/{id}/map", Ct);
        var map = await response.JsonAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        map.GetProperty("service").GetProperty("name").GetString().ShouldBe("Workplace Services");
        map.GetProperty("truncated").GetBoolean().ShouldBeFalse();
        var nodes = map.GetProperty("nodes").EnumerateArray().ToList();
        nodes[0].EnumerateObject().Select(p => p.Name).ShouldBe(["id", "name", "kind", "type", "status", "depth", "x", "y", "hidden"]);
        nodes.Select(n => (n.GetProperty("name").GetString(), n.GetProperty("kind").GetString(), n.GetProperty("depth").GetInt32())).ShouldBe([
            ("Workplace Services", "Service", 0), ("Device Management", "Ci", 1), ("vm-mdm-01", "Ci", 2), ("esx-01", "Ci", 3), ("core-switch-01", "Ci", 4),
        ]);
        nodes[1].GetProperty("type").GetString().ShouldBe("Application");
        nodes[1].GetProperty("status").GetString().ShouldBe("Active");
        nodes.Select(n => n.GetProperty("y").GetDouble()).ShouldBeInOrder(SortDirection.Ascending);
        var names = nodes.ToDictionary(n => n.GetProperty("id").GetString()!, n => n.GetProperty("name").GetString());
        map.GetProperty("edges").EnumerateArray().Select(e => $"{names[e.GetProperty("from").GetString()!]} {e.GetProperty("type").GetString()} {names[e.GetProperty("to").GetString()!]}")
            .ShouldBe(["Workplace Services DeliveredBy Device Management", "Device Management RunsOn vm-mdm-01", "vm-mdm-01 HostedBy esx-01", "esx-01 ConnectsTo core-switch-01"]);
        map.GetRawText().ShouldNotContain("cost", Case.Insensitive);
        map.GetRawText().ShouldNotContain("share", Case.Insensitive);

        var shallow = await (await agent.GetAsync($"/api/v1/services/{id}/map?depth=2", Ct)).JsonAsync();
        shallow.GetProperty("nodes").GetArrayLength().ShouldBe(3);
        shallow.GetProperty("deeper").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task ServiceMap_RequesterOrExecutive_ForbiddenAndStaffAllowed()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var id = await IdAsync(agent, "/api/v1/services", "Remote Access");
        var vpn = await IdAsync(agent, "/api/v1/configuration-items", "vpn-gateway-01");

        foreach (var refused in new[] { "requester", "exec" })
        {
            using var client = await app.ClientForAsync(refused);
            await (await client.GetAsync($"/api/v1/services/{id}/map", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await client.GetAsync($"/api/v1/configuration-items/{vpn}/map", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        foreach (var allowed in new[] { "lead", "owner", "leader", "admin" })
        {
            using var client = await app.ClientForAsync(allowed);
            (await client.GetAsync($"/api/v1/services/{id}/map", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK, allowed);
        }
    }

    [Fact]
    public async Task ServiceMap_UnknownIdOrDepthOutOfRange_NotFoundOrValidation()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var id = await IdAsync(agent, "/api/v1/services", "Remote Access");

        await (await agent.GetAsync($"/api/v1/services/{Guid.NewGuid()}/map", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await agent.GetAsync($"/api/v1/configuration-items/{Guid.NewGuid()}/map", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var errors = (await (await agent.GetAsync($"/api/v1/services/{id}/map?depth=7", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["depth"]);
    }

    [Fact]
    public async Task Agent_CiMap_CentredOnTheCiWithWhatItNeeds()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var vm = await IdAsync(agent, "/api/v1/configuration-items", "vm-mdm-01");

        var map = await (await agent.GetAsync($"/api/v1/configuration-items/{vm}/map", Ct)).JsonAsync();

        map.GetProperty("configurationItem").GetProperty("name").GetString().ShouldBe("vm-mdm-01");
        map.GetProperty("service").ValueKind.ShouldBe(JsonValueKind.Null);
        map.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ShouldBe(["vm-mdm-01", "esx-01", "core-switch-01"]);
    }
}
