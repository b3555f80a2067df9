using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Work;

public sealed class WorkApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> RaiseAsync(HttpClient client, string serviceId, int impact = 2, int urgency = 1)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", new { title = "Printer on floor 3 jams", description = "Every **second** page.", serviceId, impact, urgency }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.JsonAsync();
    }

    private static async Task<string> ETagAsync(HttpClient client, string path) =>
        (await client.GetAsync(path, Ct)).Headers.ETag!.ToString();

    private static Task<HttpResponseMessage> MoveAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync($"{path}/transitions", body, Ct);

    [Theory, DatabaseData]
    public async Task IncidentFlow_RaisedByRequesterWorkedByAgent_EveryRuleAnsweredByTheApi(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var requester = await app.ClientForAsync("requester");
        using var agent = await app.ClientForAsync("agent");
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!;

        var created = await RaiseAsync(requester, serviceId);
        var number = created.GetProperty("number").GetString()!;
        var path = $"/api/v1/incidents/{number}";
        number.ShouldStartWith("INC");
        (created.GetProperty("state").GetString(), created.GetProperty("priority").GetInt32()).ShouldBe(("New", 2));
        created.GetProperty("team").GetProperty("name").GetString().ShouldBe("Service Desk");
        created.GetProperty("requester").GetProperty("name").GetString().ShouldNotBeNullOrEmpty();

        (await (await MoveAsync(agent, path, new { to = "OnHold" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("holdReason").GetArrayLength().ShouldBe(1);
        var illegal = await (await MoveAsync(agent, path, new { to = "Closed" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "illegal_transition");
        illegal.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ShouldBe(["InProgress", "OnHold", "Resolved", "Cancelled"]);
        (await MoveAsync(agent, path, new { to = "InProgress" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await MoveAsync(agent, path, new { to = "OnHold", holdReason = "AwaitingCaller" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await agent.PostAsJsonAsync($"{path}/comments", new { body = "Known driver issue; <script>alert(1)</script>", @internal = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        (await agent.PostAsJsonAsync($"{path}/comments", new { body = "Which printer model is it?" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        (await requester.PostAsJsonAsync($"{path}/comments", new { body = "An HP LaserJet." }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await agent.PostAsJsonAsync($"{path}/work-logs", new { minutes = 25, note = "Remote session" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var seenByRequester = await (await requester.GetAsync(path, Ct)).JsonAsync();
        seenByRequester.GetProperty("state").GetString().ShouldBe("InProgress");
        var comments = await (await requester.GetAsync($"{path}/comments", Ct)).JsonAsync();
        comments.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("body").GetString()).ShouldBe(["Which printer model is it?", "An HP LaserJet."]);
        (await (await requester.GetAsync($"{path}/history", Ct)).JsonAsync()).GetRawText().ShouldNotContain("WorkLogged");
        (await requester.GetAsync($"{path}/work-logs", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var resolved = await MoveAsync(agent, path, new { to = "Resolved", resolutionCode = "SolvedPermanently", resolutionNote = "Updated the driver." });
        (await resolved.JsonAsync()).GetProperty("state").GetString().ShouldBe("Resolved");
        var reopened = await MoveAsync(requester, path, new { to = "InProgress" });
        (await reopened.JsonAsync()).GetProperty("reopenCount").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Patch_WithoutOrWithStaleIfMatch_428And412AndNothingWritten()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        var path = $"/api/v1/incidents/{(await RaiseAsync(agent, serviceId)).GetProperty("number").GetString()}";
        var etag = await ETagAsync(agent, path);

        var missing = await agent.PatchAsync(path, JsonContent.Create(new { title = "No etag" }), Ct);
        using var first = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { impact = 1 }) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await agent.SendAsync(first, Ct);
        using var stale = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { title = "Stale" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        var staleResponse = await agent.SendAsync(stale, Ct);

        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        (await updated.JsonAsync()).GetProperty("priority").GetInt32().ShouldBe(1);
        await staleResponse.ShouldBeProblemAsync((HttpStatusCode)412, "concurrency_conflict");
        (await (await agent.GetAsync(path, Ct)).JsonAsync()).GetProperty("title").GetString().ShouldBe("Printer on floor 3 jams");
    }

    [Fact]
    public async Task Requester_OthersItemsTasksAndStaffEndpoints_404Or403()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var requester2 = await app.ClientForAsync("requester2");
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!;
        var path = $"/api/v1/incidents/{(await RaiseAsync(requester, serviceId)).GetProperty("number").GetString()}";

        await (await requester2.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await requester2.PostAsJsonAsync($"{path}/comments", new { body = "hi" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await (await requester2.GetAsync("/api/v1/incidents", Ct)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await requester.PatchAsync(path, JsonContent.Create(new { title = "x" }), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.GetAsync("/api/v1/tasks", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.GetAsync("/api/v1/work-settings", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.PostAsJsonAsync($"{path}/comments", new { body = "note", @internal = true }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task RequestFlow_ManagerApprovesThenTheTaskIsDone_RequestFulfilled()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var agent = await app.ClientForAsync("agent");
        using var admin = await app.ClientForAsync("admin");
        var services = await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync();
        var laptop = services.GetProperty("items").EnumerateArray().SelectMany(s => s.GetProperty("catalogItems").EnumerateArray())
            .First(i => i.GetProperty("name").GetString() == "New laptop").GetProperty("id").GetString();

        var bad = await requester.PostAsJsonAsync("/api/v1/requests", new { catalogItemId = laptop, answers = new { model = "Other" } }, Ct);
        var created = await requester.PostAsJsonAsync("/api/v1/requests", new { catalogItemId = laptop, answers = new { model = "Other", other_model = "X1 Carbon", needed_by = "2026-04-01" } }, Ct);

        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("answers.other_model", out _).ShouldBeTrue();
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var request = await created.JsonAsync();
        var number = request.GetProperty("number").GetString()!;
        created.Headers.Location!.ToString().ShouldBe($"/api/v1/requests/{number}");
        request.GetProperty("state").GetString().ShouldBe("AwaitingApproval");

        var approvals = await (await agent.GetAsync($"/api/v1/approvals?workItem={request.GetProperty("id").GetString()}", Ct)).JsonAsync();
        var approval = approvals.GetProperty("items")[0];
        var approverId = approval.GetProperty("approver").GetProperty("id").GetString();
        var approverName = (await (await admin.GetAsync($"/api/v1/people/{approverId}", Ct)).JsonAsync()).GetProperty("userName").GetString()!;
        using var manager = await app.ClientForAsync(approverName);
        var mine = await (await manager.GetAsync("/api/v1/approvals?mine=pending", Ct)).JsonAsync();
        mine.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("item").GetProperty("number").GetString()).ShouldContain(number);
        await (await requester.PostAsJsonAsync($"/api/v1/approvals/{approval.GetProperty("id").GetString()}/decision", new { approve = true }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await manager.PostAsJsonAsync($"/api/v1/approvals/{approval.GetProperty("id").GetString()}/decision", new { approve = true, reason = "Fine" }, Ct))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var tasks = await (await agent.GetAsync($"/api/v1/tasks?state=Open", Ct)).JsonAsync();
        var task = tasks.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("parent").GetProperty("number").GetString() == number);
        (await MoveAsync(agent, $"/api/v1/tasks/{task.GetProperty("number").GetString()}", new { to = "Done" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await (await requester.GetAsync($"/api/v1/requests/{number}", Ct)).JsonAsync()).GetProperty("state").GetString().ShouldBe("Fulfilled");
    }

    [Fact]
    public async Task List_BadFilter_FieldErrors()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        var response = await agent.GetAsync("/api/v1/incidents?state=New,Sleeping&priority=9&assignee=someone", Ct);

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["state", "assignee"], ignoreOrder: true);
    }

    [Fact]
    public async Task WorkSettings_AdminChangesMatrix_NewIncidentsUseItAndAgentsMayNotChangeIt()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");
        using var agent = await app.ClientForAsync("agent");
        var etag = await ETagAsync(admin, "/api/v1/work-settings");
        using var change = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/work-settings") { Content = JsonContent.Create(new { priorityMatrix = new[] { 1, 1, 2, 1, 2, 3, 2, 3, 4 } }) };
        change.Headers.TryAddWithoutValidation("If-Match", etag);
        using var invalid = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/work-settings") { Content = JsonContent.Create(new { priorityMatrix = new[] { 4, 1, 1, 1, 1, 1, 1, 1, 1 } }) };
        invalid.Headers.TryAddWithoutValidation("If-Match", etag);

        (await admin.SendAsync(change, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await admin.SendAsync(invalid, Ct)).ShouldBeProblemAsync((HttpStatusCode)412, "concurrency_conflict");
        await (await agent.PatchAsync("/api/v1/work-settings", JsonContent.Create(new { reopenWindowDays = 1 }), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        (await RaiseAsync(agent, serviceId, impact: 1, urgency: 2)).GetProperty("priority").GetInt32().ShouldBe(1);
    }
}
