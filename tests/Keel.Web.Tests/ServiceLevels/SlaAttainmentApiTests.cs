using System.Net;
using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.ServiceLevels;

public sealed class SlaAttainmentApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attainment_AfterARebuild_CountsTheMetClocksOfTheServiceAndLeavesTheCancelledOut()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin", days: 365);
        using var agent = await app.ClientForAsync("agent", days: 365);
        using var requester = await app.ClientForAsync("requester", days: 365);
        using var leader = await app.ClientForAsync("leader", days: 365);
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!;
        var calendar = await (await admin.PostAsJsonAsync("/api/v1/calendars", new { name = "Always", timeZone = "UTC", alwaysOpen = true }, Ct)).JsonAsync();
        (await admin.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = "Incidents", agreement = "Sla", kinds = new[] { "Incident" }, serviceId, calendarId = calendar.GetProperty("id").GetString(),
            response = new { amount = 1, unit = "Hours" }, resolution = new { amount = 4, unit = "Hours" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var solved = await RaiseAsync(requester, serviceId);
        var cancelled = await RaiseAsync(requester, serviceId);
        app.Time.Advance(TimeSpan.FromMinutes(30));
        await MoveAsync(agent, cancelled, new { to = "Cancelled", reason = "Raised twice" });
        await MoveAsync(agent, solved, new { to = "InProgress" });
        app.Time.Advance(TimeSpan.FromMinutes(30));
        await MoveAsync(agent, solved, new { to = "Resolved", resolutionCode = "SolvedPermanently", resolutionNote = "Fixed." });
        app.Time.Advance(TimeSpan.FromDays(1));

        var rebuilt = await (await admin.PostAsync("/api/v1/sla-attainment/rebuild?from=2026-03&to=2026-03", null, Ct)).JsonAsync();
        var items = (await (await leader.GetAsync("/api/v1/sla-attainment?from=2026-03&to=2026-03&groupBy=service", Ct)).JsonAsync()).GetProperty("items");

        rebuilt.GetProperty("rows").GetInt32().ShouldBe(2); // response and resolution
        var row = items.EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("group").GetProperty("id").GetString().ShouldBe(serviceId);
        (row.GetProperty("met").GetInt32(), row.GetProperty("breached").GetInt32(), row.GetProperty("attainment").GetDouble()).ShouldBe((2, 0, 1.0));
    }

    [Fact]
    public async Task Attainment_ByMonth_ListsEveryMonthOfTheRangeWithNullAttainmentWhenNothingWasDecided()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        var items = (await (await agent.GetAsync("/api/v1/sla-attainment?from=2025-12&to=2026-03&groupBy=month&kind=Response", Ct)).JsonAsync()).GetProperty("items");

        items.EnumerateArray().Select(i => i.GetProperty("group").GetProperty("id").GetString()).ShouldBe(["2025-12", "2026-01", "2026-02", "2026-03"]);
        items[0].GetProperty("attainment").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Attainment_AsARequester_Is403()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");

        await (await requester.GetAsync("/api/v1/sla-attainment", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Rebuild_AsAnAgent_Is403()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        await (await agent.PostAsync("/api/v1/sla-attainment/rebuild", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("from=2023-01&to=2026-03", "to")]
    [InlineData("from=2026-04&to=2026-03", "to")]
    [InlineData("from=26-01", "from")]
    [InlineData("groupBy=week", "groupBy")]
    [InlineData("groupBy=7", "groupBy")]
    [InlineData("groupBy=1,2", "groupBy")]
    public async Task Attainment_BadRangeOrGrouping_Is400WithTheField(string query, string field)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");

        var problem = await (await leader.GetAsync($"/api/v1/sla-attainment?{query}", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private static async Task<string> RaiseAsync(HttpClient requester, string serviceId)
    {
        var created = await (await requester.PostAsJsonAsync("/api/v1/incidents", new { title = "Printer jams", serviceId, impact = 3, urgency = 3 }, Ct)).JsonAsync();
        return $"/api/v1/incidents/{created.GetProperty("number").GetString()}";
    }

    private static async Task MoveAsync(HttpClient agent, string path, object body)
    {
        var response = await agent.PostAsJsonAsync($"{path}/transitions", body, Ct);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync(Ct));
    }
}
