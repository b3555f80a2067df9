using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Work;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Changes.ChangeCalendarData;

namespace Keel.Web.Tests.Changes;

public sealed class ChangeCalendarApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangeWindows_RolesValidationAndIfMatch_AnswerAsApiMdSays()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var manager = await app.ClientForAsync("changemgr");
        using var agent = await app.ClientForAsync("agent");
        using var requester = await app.ClientForAsync("requester");
        var freeze = new { kind = "Freeze", name = "Quarter close", reason = "Finance closes the books.", start = At(30, 0), end = At(31, 23) };

        (await requester.GetAsync("/api/v1/change-windows", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.PostAsJsonAsync("/api/v1/change-windows", freeze, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await manager.PostAsJsonAsync("/api/v1/change-windows",
            new { kind = "Maintenance", name = "", weekly = new { days = new[] { "caturday" }, start = "22:00", durationMinutes = 60, timeZone = "Europe/Berlin" } }, Ct);
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["name", "weekly.days", "configurationItemIds"], ignoreOrder: true);

        var created = await manager.PostAsJsonAsync("/api/v1/change-windows", freeze, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var path = created.Headers.Location!.ToString();
        var etag = (await agent.GetAsync(path, Ct)).Headers.ETag!.ToString();
        var renamed = await PatchAsync(manager, path, etag, new { name = "Quarter-end close" });
        var stale = await PatchAsync(manager, path, etag, new { name = "Stale" });
        var unknown = await PatchAsync(manager, path, renamed.Headers.ETag!.ToString(), new { colour = "red" });
        var missing = await manager.PatchAsync(path, JsonContent.Create(new { name = "No tag" }), Ct);

        (await renamed.JsonAsync()).GetProperty("name").GetString().ShouldBe("Quarter-end close");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        (await (await agent.GetAsync(path, Ct)).JsonAsync()).GetProperty("name").GetString().ShouldBe("Quarter-end close");
    }

    [Fact]
    public async Task Schedule_IntoAFreeze_Is409NamingTheWindowUntilJustified_AndConflictsSayWhy()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var manager = await app.ClientForAsync("changemgr");
        using var agent = await app.ClientForAsync("agent");
        var (number, _) = await AddChangeAsync(app, "Patch the mail relay", At(10, 20), At(10, 22));
        (await manager.PostAsJsonAsync("/api/v1/change-windows",
            new { kind = "Freeze", name = "Quarter close", start = At(30, 0), end = At(31, 23) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var into = new { plannedStart = At(30, 20), plannedEnd = At(30, 22) };

        var refused = await manager.PostAsJsonAsync($"/api/v1/changes/{number}/schedule", into, Ct);
        var byAgent = await agent.PostAsJsonAsync($"/api/v1/changes/{number}/schedule", into, Ct);
        var justified = await manager.PostAsJsonAsync($"/api/v1/changes/{number}/schedule",
            new { into.plannedStart, into.plannedEnd, freezeOverride = "Security fix that cannot wait" }, Ct);
        var conflicts = await (await agent.GetAsync($"/api/v1/changes/{number}/conflicts", Ct)).JsonAsync();

        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "freeze_window")).GetProperty("detail").GetString()!.ShouldContain("Quarter close");
        byAgent.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await justified.JsonAsync()).GetProperty("freezeOverride").GetString().ShouldBe("Security fix that cannot wait");
        var conflict = conflicts.GetProperty("conflicts").EnumerateArray().ShouldHaveSingleItem();
        conflict.GetProperty("kind").GetString().ShouldBe("Freeze");
        conflict.GetProperty("windowName").GetString().ShouldBe("Quarter close");
    }

    [Fact]
    public async Task MoveToAuthorize_InsideAFreeze_Is409UntilTheReasonJustifiesIt()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var manager = await app.ClientForAsync("changemgr");
        var (number, _) = await AddChangeAsync(app, "Upgrade the mail relay", At(30, 20), At(30, 22), WorkState.Assess);
        (await manager.PostAsJsonAsync("/api/v1/change-windows",
            new { kind = "Freeze", name = "Quarter close", start = At(30, 0), end = At(31, 23) }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var refused = await manager.PostAsJsonAsync($"/api/v1/changes/{number}/transitions", new { to = "Authorize" }, Ct);
        var justified = await manager.PostAsJsonAsync($"/api/v1/changes/{number}/transitions", new { to = "Authorize", reason = "Security fix that cannot wait" }, Ct);

        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "freeze_window")).GetProperty("detail").GetString()!.ShouldContain("Quarter close");
        (await justified.JsonAsync()).GetProperty("state").GetString().ShouldBe("Authorize");
        (await (await manager.GetAsync($"/api/v1/changes/{number}/conflicts", Ct)).JsonAsync()).GetProperty("freezeOverride").GetString()
            .ShouldBe("Security fix that cannot wait");
    }

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        return client.SendAsync(request, Ct);
    }
}
