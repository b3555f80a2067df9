using System.Net;
using System.Net.Http.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Balance;

public sealed class InitiativesApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, object body, string? etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.ParseAdd(etag);
        }
        return await client.SendAsync(request, Ct);
    }

    [Theory, DatabaseData]
    public async Task InitiativeFlow_ProposedToReviewed_EveryRuleAnsweredByTheApi(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var leader = await app.ClientForAsync("leader");
        var serviceId = await IdAsync(leader, "/api/v1/services", "Workplace Services");

        var created = await leader.PostAsJsonAsync("/api/v1/initiatives", new
        {
            name = "Self-service portal", description = "People would rather order online.", serviceId, category = "Grow",
            expectedOutcome = "Fewer calls", measure = "Calls per week", expectedValue = 120, unit = "calls", effortEstimateHours = 300,
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var path = created.Headers.Location!.ToString();
        path.ShouldStartWith("/api/v1/initiatives/INI");
        var got = await leader.GetAsync(path, Ct);
        var etag = got.Headers.ETag!.ToString();
        (await got.JsonAsync()).GetProperty("status").GetString().ShouldBe("Proposed");

        await (await PatchAsync(leader, path, new { name = "Portal" }, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        (await PatchAsync(leader, path, new { name = "Portal", category = "Transform" }, etag)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await PatchAsync(leader, path, new { name = "Lost" }, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        (await (await PatchAsync(leader, path, new { category = "Sideways" }, (await leader.GetAsync(path, Ct)).Headers.ETag!.ToString()))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("category", out _).ShouldBeTrue();

        var illegal = await (await leader.PostAsJsonAsync($"{path}/transitions", new { to = "Delivered" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "illegal_transition");
        illegal.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Approved", "Cancelled"]);
        foreach (var to in new[] { "Approved", "InProgress", "Delivered" })
        {
            (await leader.PostAsJsonAsync($"{path}/transitions", new { to }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var reviewed = await (await leader.PostAsJsonAsync($"{path}/review", new { realisedValue = 95.5, reviewNotes = "Slower uptake." }, Ct)).JsonAsync();
        (reviewed.GetProperty("status").GetString(), reviewed.GetProperty("realisedValue").GetDouble(), reviewed.GetProperty("name").GetString())
            .ShouldBe(("Reviewed", 95.5, "Portal"));

        var list = await (await leader.GetAsync("/api/v1/initiatives?status=Reviewed&category=Transform&limit=1", Ct)).JsonAsync();
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ShouldBe(["Portal"]);
        await (await leader.GetAsync("/api/v1/initiatives?status=Dreaming", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("requester", "GET", "/api/v1/initiatives")]
    [InlineData("requester", "GET", "/api/v1/initiatives/INI0000001")]
    [InlineData("requester", "GET", "/api/v1/initiatives/INI0000001/work")]
    [InlineData("agent", "POST", "/api/v1/initiatives")]
    [InlineData("changemgr", "POST", "/api/v1/initiatives/INI0000001/transitions")]
    [InlineData("agent", "POST", "/api/v1/initiatives/INI0000001/review")]
    [InlineData("agent", "GET", "/api/v1/balance/activities?from=2026-01-01&to=2026-02-01")]
    [InlineData("requester", "PATCH", "/api/v1/work/INC0000001")]
    [InlineData("requester", "GET", "/api/v1/work/INC0000001/investment")]
    public async Task RoleWithoutTheRight_Refused403(string userName, string method, string path)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");
        var serviceId = await IdAsync(leader, "/api/v1/services", "Workplace Services");
        (await leader.PostAsJsonAsync("/api/v1/initiatives", new { name = "Portal", serviceId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var client = await app.ClientForAsync(userName);

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { name = "x", serviceId, to = "Approved", realisedValue = 1 }) };
        request.Headers.IfMatch.ParseAdd("\"0\"");
        var response = await client.SendAsync(request, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory, DatabaseData]
    public async Task ClassifyWork_LinkToInitiative_ReclassifiedInHistoryAndLinkedWorkListed(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var leader = await app.ClientForAsync("leader");
        using var agent = await app.ClientForAsync("agent");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        var initiative = await (await leader.PostAsJsonAsync("/api/v1/initiatives", new { name = "Portal", serviceId, category = "Transform" }, Ct)).JsonAsync();
        var incident = await (await agent.PostAsJsonAsync("/api/v1/incidents", new { title = "Portal form fails", serviceId, impact = 2, urgency = 2 }, Ct)).JsonAsync();
        var number = incident.GetProperty("number").GetString()!;
        incident.GetProperty("investmentCategory").GetString().ShouldBe("Run");
        var etag = (await agent.GetAsync($"/api/v1/work/{number}/investment", Ct)).Headers.ETag!.ToString();

        (await (await PatchAsync(agent, $"/api/v1/work/{number}", new { initiativeId = Guid.NewGuid() }, etag))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("initiativeId", out _).ShouldBeTrue();
        var linked = await PatchAsync(agent, $"/api/v1/work/{number}", new { initiativeId = initiative.GetProperty("id").GetString(), valueChainActivity = "Plan" }, etag);
        linked.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = await linked.JsonAsync();

        (view.GetProperty("investmentCategory").GetString(), view.GetProperty("investmentCategoryByHand").GetBoolean(),
         view.GetProperty("valueChainActivity").GetString(), view.GetProperty("valueChainActivityByHand").GetBoolean(),
         view.GetProperty("initiative").GetProperty("name").GetString()).ShouldBe(("Transform", false, "Plan", true, "Portal"));
        var history = await (await agent.GetAsync($"/api/v1/incidents/{number}/history?limit=100", Ct)).JsonAsync();
        history.GetProperty("items").EnumerateArray().ShouldContain(h => h.GetProperty("field").GetString() == "initiative");
        var work = await (await leader.GetAsync($"/api/v1/initiatives/{initiative.GetProperty("number").GetString()}/work", Ct)).JsonAsync();
        work.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("number").GetString()).ShouldBe([number]);
    }

    [Fact]
    public async Task Activities_Leader_SixActivitiesAndBadDateRefused()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");

        var balance = await (await leader.GetAsync("/api/v1/balance/activities?from=2026-01-01&to=2026-04-01", Ct)).JsonAsync();
        var bad = await leader.GetAsync("/api/v1/balance/activities?from=yesterday&to=2026-04-01", Ct);

        balance.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("activity").GetString())
            .ShouldBe(["Plan", "Improve", "Engage", "DesignAndTransition", "ObtainBuild", "DeliverAndSupport"]);
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("from", out _).ShouldBeTrue();
    }
}
