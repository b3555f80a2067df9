using System.Net;
using System.Net.Http.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Knowledge;

public sealed class KnowledgeApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> WorkplaceAsync(HttpClient client) => await IdAsync(client, "/api/v1/services", "Workplace Services");

    private static async Task<string> CreateAsync(HttpClient agent, string title, string body)
    {
        var service = await WorkplaceAsync(agent);
        var response = await agent.PostAsJsonAsync("/api/v1/knowledge", new { title, body, tags = new[] { "Printing" }, serviceIds = new[] { service } }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task PublishAsync(HttpClient agent, HttpClient lead, string id)
    {
        (await agent.PostAsJsonAsync($"/api/v1/knowledge/{id}/transitions", new { to = "Review" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lead.PostAsJsonAsync($"/api/v1/knowledge/{id}/transitions", new { to = "Published" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("requester")]
    [InlineData("exec")]
    public async Task Create_RoleThatDoesNotWriteKnowledge_Forbidden(string userName)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync(userName);

        var response = await client.PostAsJsonAsync("/api/v1/knowledge", new { title = "Mine", body = "Text." }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Create_MissingTitleAndServices_BadRequestNamingEachField()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        var response = await agent.PostAsJsonAsync("/api/v1/knowledge", new { title = "", body = "Text.", serviceIds = Array.Empty<string>() }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["title", "serviceIds"], ignoreOrder: true);
    }

    [Fact]
    public async Task Patch_StaleIfMatch_PreconditionFailedAndNothingWritten()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var id = await CreateAsync(agent, "Printer shows offline", "Turn it off and on.");
        var etag = (await agent.GetAsync($"/api/v1/knowledge/{id}", Ct)).Headers.ETag!.Tag;
        (await Patch(agent, $"/api/v1/knowledge/{id}", etag, new { title = "First" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stale = await Patch(agent, $"/api/v1/knowledge/{id}", etag, new { title = "Second" });
        var missing = await agent.PatchAsJsonAsync($"/api/v1/knowledge/{id}", new { title = "Third" }, Ct);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        await missing.ShouldBeProblemAsync((HttpStatusCode)428, "precondition_required");
        (await (await agent.GetAsync($"/api/v1/knowledge/{id}", Ct)).JsonAsync()).GetProperty("title").GetString().ShouldBe("First");
    }

    [Fact]
    public async Task Get_BodyWithScriptAndEventHandler_HtmlHasNeither()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var id = await CreateAsync(agent, "Printer shows offline",
            "**Restart** it.\n\n<script>alert('x')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n[link](javascript:alert(2))");

        var article = await (await agent.GetAsync($"/api/v1/knowledge/{id}", Ct)).JsonAsync();

        var html = article.GetProperty("bodyHtml").GetString()!;
        html.ShouldContain("<strong>Restart</strong>");
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("javascript:", Case.Insensitive);
    }

    [Fact]
    public async Task Transition_DraftToPublished_ConflictWithTheAllowedStates()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var lead = await app.ClientForAsync("lead");
        var id = await CreateAsync(lead, "Printer shows offline", "Turn it off and on.");

        var response = await lead.PostAsJsonAsync($"/api/v1/knowledge/{id}/transitions", new { to = "Published" }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "illegal_transition");
        problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Review", "Retired"]);
    }

    [Theory, DatabaseData]
    public async Task Search_RequesterFindsPublishedArticleVotesOnceAndStaffSeeTheFigures(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var agent = await app.ClientForAsync("agent");
        using var lead = await app.ClientForAsync("lead");
        using var requester = await app.ClientForAsync("requester");
        var published = await CreateAsync(agent, "Printer shows offline", "Turn it off and on.");
        await PublishAsync(agent, lead, published);
        await CreateAsync(agent, "Printer driver draft", "Not reviewed.");

        var found = await (await requester.GetAsync("/api/v1/knowledge?q=printer", Ct)).JsonAsync();
        var view = await requester.PostAsJsonAsync($"/api/v1/knowledge/{published}/views", new { }, Ct);
        (await requester.PostAsJsonAsync($"/api/v1/knowledge/{published}/feedback", new { helpful = false }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var vote = await (await requester.PostAsJsonAsync($"/api/v1/knowledge/{published}/feedback", new { helpful = true, comment = "Worked." }, Ct)).JsonAsync();
        var forRequester = await (await requester.GetAsync($"/api/v1/knowledge/{published}", Ct)).JsonAsync();
        var forStaff = await (await agent.GetAsync($"/api/v1/knowledge/{published}", Ct)).JsonAsync();

        found.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe([published]);
        view.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        vote.GetProperty("helpful").GetProperty("yes").GetInt32().ShouldBe(1);
        vote.GetProperty("helpful").GetProperty("no").GetInt32().ShouldBe(0);
        forRequester.GetProperty("usage").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        forStaff.GetProperty("usage").GetProperty("views").GetInt32().ShouldBe(1);
        forStaff.GetProperty("usage").GetProperty("helpfulVotes").GetInt32().ShouldBe(1);
        forStaff.GetProperty("usage").GetProperty("deflections").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task List_StateNotAnArticleState_BadRequest()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        var response = await agent.GetAsync("/api/v1/knowledge?state=Open", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["state"]);
    }
}
