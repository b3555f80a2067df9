using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Work;

public sealed class AssignmentRulesApiTests(DatabaseFixture databases)
{
    private const string Rules = "/api/v1/assignment-rules";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Patch(string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }

    private static string[] Names(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray();

    [Theory, DatabaseData]
    public async Task Rules_AdminCreatesChangesOrdersAndDeletes_EveryAnswerAsDocumented(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var admin = await app.ClientForAsync("admin");
        using var agent = await app.ClientForAsync("agent");
        var network = await IdAsync(admin, "/api/v1/teams", "Network");
        var desk = await IdAsync(admin, "/api/v1/teams", "Service Desk");
        var service = await IdAsync(admin, "/api/v1/services", "Remote Access");

        var created = await admin.PostAsJsonAsync(Rules, new { name = "VPN", kind = "Incident", serviceId = service, teamId = network, strategy = "LeastLoaded" }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var vpn = (await created.JsonAsync()).GetProperty("id").GetString()!;
        created.Headers.Location!.ToString().ShouldBe($"{Rules}/{vpn}");
        var catchAll = (await (await admin.PostAsJsonAsync(Rules, new { name = "Everything else", teamId = desk }, Ct)).JsonAsync()).GetProperty("id").GetString()!;
        Names(await (await agent.GetAsync(Rules, Ct)).JsonAsync()).ShouldBe(["VPN", "Everything else"]);

        var read = await admin.GetAsync($"{Rules}/{vpn}", Ct);
        var etag = read.Headers.ETag!.ToString();
        await (await admin.SendAsync(Patch($"{Rules}/{vpn}", new { category = "VPN" }, null), Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        var patched = await admin.SendAsync(Patch($"{Rules}/{vpn}", new { category = "VPN", strategy = "RoundRobin" }, etag), Ct);
        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await patched.JsonAsync()).GetProperty("strategy").GetString().ShouldBe("RoundRobin");
        await (await admin.SendAsync(Patch($"{Rules}/{vpn}", new { name = "Late" }, etag), Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");

        var ordered = await admin.PostAsJsonAsync($"{Rules}/order", new { ids = new[] { catchAll, vpn } }, Ct);
        Names(await ordered.JsonAsync()).ShouldBe(["Everything else", "VPN"]);
        await (await admin.PostAsJsonAsync($"{Rules}/order", new { ids = new[] { vpn } }, Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        var test = await (await agent.PostAsJsonAsync($"{Rules}/test", new { kind = "Incident", serviceId = service, category = "vpn" }, Ct)).JsonAsync();
        (test.GetProperty("rule").GetProperty("name").GetString(), test.GetProperty("position").GetInt32(), test.GetProperty("source").GetString())
            .ShouldBe(("Everything else", 1, "Rule"));

        (await admin.DeleteAsync($"{Rules}/{catchAll}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await admin.GetAsync($"{Rules}/{catchAll}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var raised = await (await agent.PostAsJsonAsync("/api/v1/incidents", new { title = "VPN drops", serviceId = service, impact = 2, urgency = 2, category = "VPN" }, Ct)).JsonAsync();
        raised.GetProperty("team").GetProperty("name").GetString().ShouldBe("Network");
        raised.GetProperty("assignee").ValueKind.ShouldBe(JsonValueKind.Object);
    }

    [Fact]
    public async Task Rules_AgentOrTeamLeadWriting_ForbiddenAndNothingStored()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        using var lead = await app.ClientForAsync("lead");
        var desk = await IdAsync(agent, "/api/v1/teams", "Service Desk");

        await (await agent.PostAsJsonAsync(Rules, new { name = "Mine", teamId = desk }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await lead.PostAsJsonAsync(Rules, new { name = "My team", teamId = desk }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await lead.PostAsJsonAsync($"{Rules}/order", new { ids = Array.Empty<string>() }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Names(await (await lead.GetAsync(Rules, Ct)).JsonAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Rules_InvalidRule_400WithAFieldErrorForEachProblem()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");
        var desk = await IdAsync(admin, "/api/v1/teams", "Service Desk");
        (await admin.PostAsJsonAsync(Rules, new { name = "Desk", teamId = desk }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await admin.PostAsJsonAsync(Rules, new { name = "desk", kind = "Change", serviceId = Guid.NewGuid(), configurationItemId = Guid.NewGuid(), category = new string('x', 101) }, Ct);
        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");

        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "category", "teamId", "kind", "serviceId", "configurationItemId"], ignoreOrder: true);
        Names(await (await admin.GetAsync(Rules, Ct)).JsonAsync()).ShouldBe(["Desk"]);
    }

    [Fact]
    public async Task WorkSettings_StaleOrInvalidPatch_412Or400WithFieldErrors()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");
        var etag = (await admin.GetAsync("/api/v1/work-settings", Ct)).Headers.ETag!.ToString();

        var invalid = await admin.SendAsync(Patch("/api/v1/work-settings", new { priorityMatrix = new[] { 4, 1, 1, 1, 1, 1, 1, 1, 1 }, autoCloseAfterDays = 0, reopenWindowDays = 1e20 }, etag), Ct);
        var saved = await admin.SendAsync(Patch("/api/v1/work-settings", new { reopenWindowDays = 10 }, etag), Ct);
        var stale = await admin.SendAsync(Patch("/api/v1/work-settings", new { reopenWindowDays = 2 }, etag), Ct);

        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["priorityMatrix", "reopenWindowDays", "autoCloseAfterDays"], ignoreOrder: true);
        (await saved.JsonAsync()).GetProperty("reopenWindowDays").GetDouble().ShouldBe(10);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
    }
}
