using System.Net;
using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Services;

public sealed class CostPoolsApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CostPools_ReadByCostReadersKeptByAdminsHiddenFromAgents()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");
        using var exec = await app.ClientForAsync("exec");
        using var agent = await app.ClientForAsync("agent");
        using var owner = await app.ClientForAsync("owner");
        var workplace = await IdAsync(admin, "/api/v1/services", "Workplace Services");

        var seeded = await (await exec.GetAsync("/api/v1/cost-pools", Ct)).JsonAsync();
        var byAgent = await agent.GetAsync("/api/v1/cost-pools", Ct);
        var byOwner = await owner.PostAsJsonAsync("/api/v1/cost-pools", new { name = "Mine", monthly = new { minor = 100 }, basis = "Tickets" }, Ct);
        var badShares = await admin.PostAsJsonAsync("/api/v1/cost-pools",
            new { name = "Backup", monthly = new { minor = 500_00 }, basis = "FixedShares", shares = new[] { new { serviceId = workplace, share = 0.9 } } }, Ct);
        var created = await admin.PostAsJsonAsync("/api/v1/cost-pools",
            new { name = "Backup", monthly = new { minor = 500_00 }, basis = "FixedShares", shares = new[] { new { serviceId = workplace, share = 1 } } }, Ct);
        var body = await created.JsonAsync();
        var patched = await Patch(admin, $"/api/v1/cost-pools/{body.GetProperty("id").GetString()}", $"\"{body.GetProperty("version").GetInt64()}\"",
            new { basis = "Tickets", shares = Array.Empty<object>(), monthly = new { minor = 600_00, currency = "EUR" } });

        seeded.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["Service desk tooling"]);
        await byAgent.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await byOwner.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await badShares.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("shares", out _).ShouldBeTrue();
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var pool = await patched.JsonAsync();
        pool.GetProperty("basis").GetString().ShouldBe("Tickets");
        pool.GetProperty("monthly").GetProperty("minor").GetInt64().ShouldBe(600_00);
    }
}
