using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Changes;

public sealed class ChangesApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Draft(string serviceId, string type = "Normal", DateTime? start = null) => new
    {
        title = "Patch the file servers", serviceId, type, reason = "Monthly security patches.",
        implementationPlan = "Install the patches and reboot.", backoutPlan = "Uninstall the patches.", testPlan = "Open a share.",
        plannedStart = start ?? new DateTime(2026, 3, 5, 20, 0, 0, DateTimeKind.Utc), plannedEnd = (start ?? new DateTime(2026, 3, 5, 20, 0, 0, DateTimeKind.Utc)).AddHours(2),
        riskAnswers = new Dictionary<string, string> { ["testedPreProduction"] = "yes", ["backoutTested"] = "yes", ["userOutage"] = "none", ["doneBefore"] = "yes" },
    };

    private static async Task<JsonElement> RaiseAsync(HttpClient client, object draft)
    {
        var response = await client.PostAsJsonAsync("/api/v1/changes", draft, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.JsonAsync();
    }

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, string number, string to) =>
        client.PostAsJsonAsync($"/api/v1/changes/{number}/transitions", new { to }, Ct);

    [Fact]
    public async Task Changes_ARequester_403()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");

        (await requester.GetAsync("/api/v1/changes", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await requester.PostAsJsonAsync("/api/v1/changes", new { title = "x" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Create_StandardWithoutTemplateOrPlans_400WithFieldErrors()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");

        var standard = await (await agent.PostAsJsonAsync("/api/v1/changes", Draft(serviceId, "Standard"), Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var bare = await (await agent.PostAsJsonAsync("/api/v1/changes", new { title = "Reboot", serviceId, type = "Normal" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        standard.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["templateId"]);
        bare.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["backoutPlan", "implementationPlan", "reason", "testPlan"]);
    }

    [Fact]
    public async Task Patch_StaleIfMatch_412AndNothingWritten()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var number = (await RaiseAsync(agent, Draft(await IdAsync(agent, "/api/v1/services", "Workplace Services")))).GetProperty("item").GetProperty("number").GetString()!;
        var path = $"/api/v1/changes/{number}";
        var etag = (await agent.GetAsync(path, Ct)).Headers.ETag!.ToString();

        using var first = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { testPlan = "Open three shares." }) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        (await agent.SendAsync(first, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stale = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { testPlan = "Nothing." }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);

        await (await agent.SendAsync(stale, Ct)).ShouldBeProblemAsync((HttpStatusCode)412, "concurrency_conflict");
        (await (await agent.GetAsync(path, Ct)).JsonAsync()).GetProperty("testPlan").GetString().ShouldBe("Open three shares.");
    }

    [Theory, DatabaseData]
    public async Task Authorize_ChangeManagerApprovesByApi_ScheduledAndTheRequesterMayNotDecide(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var agent = await app.ClientForAsync("agent");
        using var manager = await app.ClientForAsync("changemgr");
        var created = await RaiseAsync(agent, Draft(await IdAsync(agent, "/api/v1/services", "Workplace Services")));
        var number = created.GetProperty("item").GetProperty("number").GetString()!;
        created.GetProperty("risk").GetString().ShouldBe("Low");

        var illegal = await (await MoveAsync(agent, number, "Scheduled")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "illegal_transition");
        illegal.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Assess", "Cancelled"]);
        (await MoveAsync(agent, number, "Assess")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(agent, number, "Authorize")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var pending = (await (await manager.GetAsync("/api/v1/approvals?mine=pending", Ct)).JsonAsync()).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("item").GetProperty("number").GetString() == number);
        var approvalId = pending.GetProperty("id").GetString();
        await (await agent.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/decision", new { approve = true }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "own_change");
        (await manager.PostAsJsonAsync($"/api/v1/approvals/{approvalId}/decision", new { approve = true, reason = "Routine." }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var scheduled = await (await agent.GetAsync($"/api/v1/changes/{number}", Ct)).JsonAsync();
        scheduled.GetProperty("item").GetProperty("state").GetString().ShouldBe("Scheduled");
        scheduled.GetProperty("authority").GetString().ShouldBe("ChangeManager");
    }

    [Fact]
    public async Task Stats_UnknownGroup_400()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var manager = await app.ClientForAsync("changemgr");

        var problem = await (await manager.GetAsync("/api/v1/changes/stats?from=2026-01-01&to=2026-02-01&groupBy=7", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var ok = await (await manager.GetAsync("/api/v1/changes/stats?from=2026-01-01&to=2026-02-01&groupBy=service", Ct)).JsonAsync();

        problem.GetProperty("errors").GetProperty("groupBy").GetArrayLength().ShouldBe(1);
        ok.GetProperty("groupBy").GetString().ShouldBe("Service");
    }
}
