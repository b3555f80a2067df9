using System.Net;
using System.Net.Http.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Balance;

public sealed class BalanceApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly object Plan = new { run = 55, debt = 15, grow = 20, transform = 10, tolerance = 5 };

    [Fact]
    public async Task Balance_RolesWithoutTheBalance_Forbidden()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        using var requester = await app.ClientForAsync("requester");
        using var exec = await app.ClientForAsync("exec");

        foreach (var client in new[] { agent, requester })
        {
            await (await client.GetAsync("/api/v1/balance", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await client.GetAsync("/api/v1/balance/work?period=2026-02&category=Run", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            await (await client.GetAsync("/api/v1/balance/targets", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
        (await exec.GetAsync("/api/v1/balance", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Executives read the balance but do not set targets.
        await (await exec.PutAsJsonAsync("/api/v1/balance/targets/2026-03", Plan, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PutAsJsonAsync("/api/v1/balance/targets/2026-03", Plan, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.DeleteAsync("/api/v1/balance/targets/2026-03", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory, DatabaseData]
    public async Task Targets_NotAddingUpTo100_400WithFieldErrorsAndNothingWritten(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var leader = await app.ClientForAsync("leader");

        var response = await leader.PutAsJsonAsync("/api/v1/balance/targets/2026-03", new { run = 60, debt = 15, grow = 20.25, transform = 10, tolerance = 5 }, Ct);

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["grow", "sum"]);
        await (await leader.GetAsync("/api/v1/balance/targets/2026-03", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await (await leader.GetAsync("/api/v1/balance/targets", Ct)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Targets_SetReplaceWithIfMatchThenBalanceUsesThem()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");

        var created = await leader.PutAsJsonAsync("/api/v1/balance/targets/2026-01", Plan, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/api/v1/balance/targets/2026-01");
        var etag = created.Headers.ETag!.ToString();
        await (await leader.PutAsJsonAsync("/api/v1/balance/targets/2026-01", Plan, Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        using var replace = new HttpRequestMessage(HttpMethod.Put, "/api/v1/balance/targets/2026-01")
        {
            Content = JsonContent.Create(new { run = 60, debt = 10, grow = 20, transform = 10, tolerance = 5 }),
        };
        replace.Headers.IfMatch.ParseAdd(etag);
        (await leader.SendAsync(replace, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var balance = await (await leader.GetAsync("/api/v1/balance?from=2026-01&to=2026-03&basis=count", Ct)).JsonAsync();
        balance.GetProperty("basis").GetString().ShouldBe("Count");
        var periods = balance.GetProperty("periods").EnumerateArray().ToList();
        periods.Select(p => p.GetProperty("period").GetString()).ShouldBe(["2026-01", "2026-02", "2026-03"]);
        periods.ShouldAllBe(p => p.GetProperty("targetFrom").GetString() == "2026-01");
        var run = periods[0].GetProperty("categories").EnumerateArray().First(c => c.GetProperty("category").GetString() == "Run");
        run.GetProperty("targetPercent").GetDecimal().ShouldBe(60m);

        await (await leader.GetAsync("/api/v1/balance?from=2026-13&basis=days", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await leader.GetAsync("/api/v1/balance/work?period=2026-02&category=Other", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await leader.DeleteAsync("/api/v1/balance/targets/2026-01", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await leader.GetAsync("/api/v1/balance/targets", Ct)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Work_DrillDown_ListsItemsWithTheirHoursInThatMonth()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");
        using var agent = await app.ClientForAsync("agent");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        var created = await agent.PostAsJsonAsync("/api/v1/incidents", new { title = "VPN drops every hour", serviceId, impact = 2, urgency = 2 }, Ct);
        var number = (await created.JsonAsync()).GetProperty("number").GetString();
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/work-logs", new { minutes = 90, date = "2026-03-01" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var category = (await (await agent.GetAsync($"/api/v1/incidents/{number}", Ct)).JsonAsync()).GetProperty("investmentCategory").GetString();

        var work = await (await leader.GetAsync($"/api/v1/balance/work?period=2026-03&category={category}&limit=500", Ct)).JsonAsync();

        var item = work.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetString() == number);
        item.GetProperty("hours").GetDouble().ShouldBeGreaterThanOrEqualTo(1.5);
    }
}
