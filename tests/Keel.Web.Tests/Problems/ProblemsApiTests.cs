using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Problems;

public sealed class ProblemsApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> IncidentAsync(HttpClient agent, string serviceId, string title)
    {
        var response = await agent.PostAsJsonAsync("/api/v1/incidents", new { title, serviceId, impact = 2, urgency = 2 }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    [Theory, DatabaseData]
    public async Task ProblemFlow_RaisedFromAnIncidentWorkedToKnownError_EveryRuleAnsweredByTheApi(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var manager = await app.ClientForAsync("problemmgr");
        using var agent = await app.ClientForAsync("agent");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        var incident = await IncidentAsync(agent, serviceId, "Outlook keeps asking for the password");

        var created = await manager.PostAsJsonAsync("/api/v1/problems", new { title = "Outlook password prompts", serviceId, impact = 2, urgency = 2, incidents = new[] { incident } }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var path = created.Headers.Location!.ToString();
        path.ShouldStartWith("/api/v1/problems/PRB");
        var problem = await (await manager.GetAsync(path, Ct)).JsonAsync();
        problem.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ShouldBe([incident]);
        problem.GetProperty("state").GetString().ShouldBe("New");

        var illegal = await (await manager.PostAsJsonAsync($"{path}/transitions", new { to = "KnownError" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "illegal_transition");
        illegal.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Assessed", "Cancelled"]);
        (await manager.PostAsJsonAsync($"{path}/transitions", new { to = "Assessed" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.PostAsJsonAsync($"{path}/transitions", new { to = "RootCauseAnalysis" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await manager.PostAsJsonAsync($"{path}/transitions", new { to = "KnownError" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").TryGetProperty("workaround", out _).ShouldBeTrue();

        var etag = (await manager.GetAsync(path, Ct)).Headers.ETag!.ToString();
        await (await manager.PatchAsync(path, JsonContent.Create(new { workaround = "Clear the stored credentials." }), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        using var patch = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { workaround = "Clear the stored credentials.", rootCause = "A token cache bug." }) };
        patch.Headers.IfMatch.ParseAdd(etag);
        var patched = await manager.SendAsync(patch, Ct);
        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stale = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { rootCause = "Something else." }) };
        stale.Headers.IfMatch.ParseAdd(etag);
        await (await manager.SendAsync(stale, Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");

        (await manager.PostAsJsonAsync($"{path}/transitions", new { to = "KnownError" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var known = await (await agent.GetAsync($"/api/v1/incidents/{incident}/known-errors", Ct)).JsonAsync();
        var suggestion = known.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (suggestion.GetProperty("number").GetString(), suggestion.GetProperty("workaround").GetString(), suggestion.GetProperty("linked").GetBoolean())
            .ShouldBe((path.Split('/')[^1], "Clear the stored credentials.", true));
        var stored = await (await manager.GetAsync(path, Ct)).JsonAsync();
        (stored.GetProperty("isKnownError").GetBoolean(), stored.GetProperty("rootCause").GetString()).ShouldBe((true, "A token cache bug."));
        var articleId = stored.GetProperty("knowledgeArticle").GetProperty("id").GetString();
        var article = await (await agent.GetAsync($"/api/v1/knowledge/{articleId}", Ct)).JsonAsync();
        (article.GetProperty("state").GetString(), article.GetProperty("knownError").GetProperty("number").GetString()).ShouldBe(("Published", path.Split('/')[^1]));
    }

    [Fact]
    public async Task Create_InvalidBody_400WithFieldErrors()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var manager = await app.ClientForAsync("problemmgr");

        var invalid = await manager.PostAsJsonAsync("/api/v1/problems", new { title = " ", impact = 4, urgency = 1, incidents = new[] { "INC9999999" } }, Ct);

        var errors = (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["impact", "incidents", "serviceId", "title"]);
    }

    [Fact]
    public async Task Roles_WithoutTheRight_403AndNothingChanged()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var owner = await app.ClientForAsync("owner");
        using var agent = await app.ClientForAsync("agent");
        using var manager = await app.ClientForAsync("problemmgr");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        var incident = await IncidentAsync(agent, serviceId, "VPN drops every hour");

        await (await requester.GetAsync("/api/v1/problems", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.PostAsJsonAsync("/api/v1/problems", new { title = "x", serviceId, impact = 2, urgency = 2 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await owner.PostAsJsonAsync("/api/v1/problems", new { title = "x", serviceId, impact = 2, urgency = 2 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.GetAsync($"/api/v1/incidents/{incident}/known-errors", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.GetAsync("/api/v1/problem-candidates", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PostAsync($"/api/v1/problem-candidates/{Guid.NewGuid()}/accept", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PostAsJsonAsync($"/api/v1/problem-candidates/{Guid.NewGuid()}/dismiss", new { reason = "No." }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await manager.PostAsync($"/api/v1/problem-candidates/{Guid.NewGuid()}/accept", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        var settings = await manager.GetAsync("/api/v1/problem-settings", Ct);
        (await settings.JsonAsync()).GetProperty("candidateThreshold").GetInt32().ShouldBe(5);
        using var byManager = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/problem-settings") { Content = JsonContent.Create(new { candidateThreshold = 3 }) };
        byManager.Headers.IfMatch.ParseAdd(settings.Headers.ETag!.ToString());
        await (await manager.SendAsync(byManager, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await (await manager.GetAsync("/api/v1/problem-settings", Ct)).JsonAsync()).GetProperty("candidateThreshold").GetInt32().ShouldBe(5);
    }
}
