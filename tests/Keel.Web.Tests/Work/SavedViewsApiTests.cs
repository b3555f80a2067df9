using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Work;

public sealed class SavedViewsApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SaveAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/saved-views", body, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        response.Headers.Location!.ToString().ShouldStartWith("/api/v1/saved-views/");
        return await response.JsonAsync();
    }

    private static async Task<List<string>> NamesAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/saved-views", Ct)).JsonAsync()).GetProperty("items").EnumerateArray().Select(v => v.GetProperty("name").GetString()!).ToList();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Patch(string path, string? etag, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return request;
    }

    [Fact]
    public async Task SavedViews_AgentSavesReadsAndDeletes_OthersSeeOnlyWhatIsShared_RequesterForbidden()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        using var agent2 = await app.ClientForAsync("agent2");
        using var requester = await app.ClientForAsync("requester");
        var service = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        var desk = await IdAsync(agent, "/api/v1/teams", "Service Desk");

        var mine = await SaveAsync(agent, new { name = "My P1s on Workplace", filter = new { kind = "Incident", queue = "Mine", priority = new[] { 1 }, service = new[] { service } }, isDefault = true });
        await SaveAsync(agent, new { name = "Desk unassigned", team = desk, filter = new { kind = "Request", queue = "Unassigned", sort = "-priority" } });

        var filter = mine.GetProperty("filter");
        (filter.GetProperty("kind").GetString(), filter.GetProperty("queue").GetString(), filter.GetProperty("priority")[0].GetInt32(), filter.GetProperty("schema").GetInt32())
            .ShouldBe(("Incident", "Mine", 1, 1));
        mine.GetProperty("isDefault").GetBoolean().ShouldBeTrue();
        (await NamesAsync(agent)).ShouldBe(["Desk unassigned", "My P1s on Workplace"]);
        (await NamesAsync(agent2)).ShouldBe(["Desk unassigned"]);
        var path = $"/api/v1/saved-views/{mine.GetProperty("id").GetString()}";
        await (await agent2.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await requester.GetAsync("/api/v1/saved-views", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.PostAsJsonAsync("/api/v1/saved-views", new { name = "Mine", filter = new { kind = "Incident" } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        (await agent.DeleteAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await agent.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Post_UnknownFieldsAndBadValues_400WithAnErrorPerFieldAndNothingSaved()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        var response = await agent.PostAsync("/api/v1/saved-views", Json(
            """{ "name": "Odd", "filter": { "kind": "Incident", "state": ["Done"], "priority": [0], "assignee": "me" } }"""), Ct);
        var unknown = await agent.PostAsync("/api/v1/saved-views", Json("""{ "name": "Odd", "colour": "red", "filter": { "kind": "Incident" } }"""), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["filter.assignee", "filter.state", "filter.priority"], ignoreOrder: true);
        (await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("colour").GetArrayLength().ShouldBe(1);
        (await NamesAsync(agent)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Patch_RenameWithoutOrWithStaleIfMatch_428And412AndTheFirstRenameSurvives()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        using var agent2 = await app.ClientForAsync("agent2");
        var desk = await IdAsync(agent, "/api/v1/teams", "Service Desk");
        var view = await SaveAsync(agent, new { name = "Desk P1s", team = desk, filter = new { kind = "Incident", queue = "MyTeams", priority = new[] { 1 } } });
        var path = $"/api/v1/saved-views/{view.GetProperty("id").GetString()}";
        var etag = (await agent.GetAsync(path, Ct)).Headers.ETag!.ToString();

        await (await agent.SendAsync(Patch(path, null, """{ "name": "No etag" }"""), Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        await (await agent2.SendAsync(Patch(path, etag, """{ "name": "Not yours" }"""), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var first = await agent.SendAsync(Patch(path, etag, """{ "name": "Desk P1 incidents", "filter": { "kind": "Incident", "queue": "MyTeams", "priority": [1, 2] } }"""), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await agent.SendAsync(Patch(path, etag, """{ "name": "Too late" }"""), Ct);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        var after = await (await agent2.GetAsync(path, Ct)).JsonAsync();
        after.GetProperty("name").GetString().ShouldBe("Desk P1 incidents");
        after.GetProperty("filter").GetProperty("priority").EnumerateArray().Select(p => p.GetInt32()).ShouldBe([1, 2]);
        (after.GetProperty("canChange").GetBoolean(), after.GetProperty("canDelete").GetBoolean()).ShouldBe((false, false));
    }
}
