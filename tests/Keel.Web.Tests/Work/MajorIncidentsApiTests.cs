using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Work;

public sealed class MajorIncidentsApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RaiseAsync(HttpClient client, string serviceId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/incidents", new { title = "Nobody can sign in to email", serviceId, impact = 1, urgency = 1 }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private static async Task DeclareAsync(HttpClient agent, string path)
    {
        var etag = (await agent.GetAsync(path, Ct)).Headers.ETag!.ToString();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { isMajor = true }) };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        (await agent.SendAsync(patch, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> MyIdAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/v1/me", Ct)).JsonAsync()).GetProperty("id").GetString()!;

    private static IEnumerable<string> Moments(JsonElement list) => list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("moment").GetString()!);

    [Theory, DatabaseData]
    public async Task StakeholderUpdates_NotMajor409_Sent201ToStakeholders_RequesterMayNotSend403(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var agent = await app.ClientForAsync("agent");
        using var requester = await app.ClientForAsync("requester");
        using var requester2 = await app.ClientForAsync("requester2");
        var path = $"/api/v1/incidents/{await RaiseAsync(requester, await IdAsync(agent, "/api/v1/services", "Workplace Services"))}";
        var stakeholderId = await MyIdAsync(requester2);

        await (await agent.PostAsJsonAsync($"{path}/stakeholder-updates", new { message = "Looking into it." }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_major");
        await DeclareAsync(agent, path);
        var suggested = await (await agent.GetAsync($"{path}/stakeholders/suggestions", Ct)).JsonAsync();
        var added = await agent.PostAsJsonAsync($"{path}/stakeholders", new { personId = stakeholderId }, Ct);
        app.Time.Advance(TimeSpan.FromMinutes(3));
        var sent = await agent.PostAsJsonAsync($"{path}/stakeholder-updates", new { message = "Mail is down for everyone; failing over.", nextUpdateAt = "2026-03-02T11:00:00+01:00" }, Ct);
        var byRequester = await requester.PostAsJsonAsync($"{path}/stakeholder-updates", new { message = "Me too" }, Ct);

        suggested.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("reason").GetString()).ShouldContain("Owner of Workplace Services");
        (added.StatusCode, added.Headers.Location!.ToString()).ShouldBe((HttpStatusCode.Created, $"{path}/stakeholders/{stakeholderId}"));
        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await sent.JsonAsync()).GetProperty("nextUpdateAt").GetDateTime().ShouldBe(new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc));
        await byRequester.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await requester.PostAsJsonAsync($"{path}/stakeholders", new { personId = stakeholderId }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var read = await (await requester2.GetAsync($"{path}/stakeholder-updates", Ct)).JsonAsync();
        read.GetProperty("items").EnumerateArray().Single().GetProperty("message").GetString().ShouldBe("Mail is down for everyone; failing over.");
        var notices = await (await requester2.GetAsync("/api/v1/me/notifications", Ct)).JsonAsync();
        notices.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("event").GetString()).ShouldContain("StakeholderUpdate");

        (await agent.DeleteAsync($"{path}/stakeholders/{stakeholderId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await requester2.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory, DatabaseData]
    public async Task Timeline_StrangerGets404_RequesterSeesPublicMomentsOnly_AgentAll(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var agent = await app.ClientForAsync("agent");
        using var requester = await app.ClientForAsync("requester");
        using var stranger = await app.ClientForAsync("requester2");
        var path = $"/api/v1/incidents/{await RaiseAsync(requester, await IdAsync(agent, "/api/v1/services", "Workplace Services"))}";
        app.Time.Advance(TimeSpan.FromMinutes(4));
        await DeclareAsync(agent, path);
        (await agent.PostAsJsonAsync($"{path}/comments", new { body = "Vendor says the certificate expired.", @internal = true }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        app.Time.Advance(TimeSpan.FromMinutes(6));
        (await agent.PostAsJsonAsync($"{path}/stakeholder-updates", new { message = "Renewing a certificate." }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await (await stranger.GetAsync($"{path}/timeline", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await stranger.GetAsync($"{path}/stakeholder-updates", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var seen = await (await requester.GetAsync($"{path}/timeline", Ct)).JsonAsync();
        var all = await (await agent.GetAsync($"{path}/timeline", Ct)).JsonAsync();

        Moments(seen).ShouldBe(["Raised", "DeclaredMajor", "StakeholderUpdate"]);
        seen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("elapsedMinutes").GetInt32()).ShouldBe([0, 4, 10]);
        seen.GetRawText().ShouldNotContain("certificate expired");
        Moments(all).ShouldBe(["Raised", "Assigned", "DeclaredMajor", "StakeholderUpdate"]);
        (await requester.GetAsync($"{path}/stakeholders", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task History_TeamLine_NamesTheTeamsAndKeepsTheirIds()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");
        var path = $"/api/v1/incidents/{await RaiseAsync(agent, await IdAsync(agent, "/api/v1/services", "Workplace Services"))}";

        var history = await (await agent.GetAsync($"{path}/history", Ct)).JsonAsync();

        var team = history.GetProperty("items").EnumerateArray().Single(h => h.GetProperty("field").GetString() == "team");
        (team.GetProperty("to").GetString(), Guid.TryParse(team.GetProperty("toId").GetString(), out _)).ShouldBe(("Service Desk", true));
    }
}
