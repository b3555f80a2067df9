using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Balance;

public sealed class TechDebtApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task DebtFlow_CreatedLinkedByAgentPatchedMoved_EveryRuleAnsweredByTheApi(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var leader = await app.ClientForAsync("leader");
        using var agent = await app.ClientForAsync("agent");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        var raised = await agent.PostAsJsonAsync("/api/v1/incidents", new { title = "LDAP sync dropped accounts", serviceId, impact = 2, urgency = 2 }, Ct);
        var incident = (await raised.JsonAsync()).GetProperty("number").GetString();

        var created = await leader.PostAsJsonAsync("/api/v1/tech-debt",
            new { title = "Hand-rolled LDAP sync", serviceId, remediationEstimateHours = 40, risk = "High", description = "A *cron* script." }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var path = created.Headers.Location!.ToString();
        path.ShouldMatch("^/api/v1/tech-debt/TD[0-9]{4}$");
        var item = await (await leader.GetAsync(path, Ct)).JsonAsync();
        (item.GetProperty("status").GetString(), item.GetProperty("interest").GetProperty("basis").GetString(),
            item.GetProperty("interest").GetProperty("reason").GetString()).ShouldBe(("Open", "Unknown", "no linked incidents or problems"));
        item.GetProperty("interest").GetProperty("hoursPerMonth").ValueKind.ShouldBe(JsonValueKind.Null);

        var linked = await agent.PostAsJsonAsync($"{path}/links", new { number = incident }, Ct);
        linked.StatusCode.ShouldBe(HttpStatusCode.Created);
        var linkedWork = (await linked.JsonAsync()).GetProperty("linkedWork").EnumerateArray().ShouldHaveSingleItem();
        linkedWork.GetProperty("number").GetString().ShouldBe(incident);
        await (await agent.PostAsJsonAsync($"{path}/transitions", new { to = "Scheduled" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        await (await leader.PatchAsync(path, JsonContent.Create(new { manualInterestHoursPerMonth = 3 }), Ct))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        var etag = (await leader.GetAsync(path, Ct)).Headers.ETag!.ToString();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { manualInterestHoursPerMonth = 4 }) };
        patch.Headers.IfMatch.ParseAdd(etag);
        var patched = await (await leader.SendAsync(patch, Ct)).JsonAsync();
        (patched.GetProperty("interest").GetProperty("basis").GetString(), patched.GetProperty("interest").GetProperty("hoursPerMonth").GetDouble(),
            patched.GetProperty("monthsToPayBack").GetDouble()).ShouldBe(("Estimated", 4, 10));
        using var stale = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { title = "Other" }) };
        stale.Headers.IfMatch.ParseAdd(etag);
        await (await leader.SendAsync(stale, Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");

        var illegal = await (await leader.PostAsJsonAsync($"{path}/transitions", new { to = "PaidOff" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "illegal_transition");
        illegal.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Scheduled", "Accepted"]);
        (await leader.PostAsJsonAsync($"{path}/transitions", new { to = "Scheduled" }, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var list = await (await agent.GetAsync($"/api/v1/tech-debt?service={serviceId}&status=Scheduled&sort=payback", Ct)).JsonAsync();
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ShouldContain(path.Split('/')[^1]);
        var trend = await (await agent.GetAsync("/api/v1/tech-debt/interest", Ct)).JsonAsync();
        trend.GetProperty("months").GetArrayLength().ShouldBe(12);

        var workItemId = linkedWork.GetProperty("id").GetString();
        (await agent.DeleteAsync($"{path}/links/{workItemId}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await agent.DeleteAsync($"{path}/links/{workItemId}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Create_InvalidBody_400WithFieldErrorsAndNothingStored()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");

        var typed = await leader.PostAsJsonAsync("/api/v1/tech-debt", new { title = "x", remediationEstimateHours = "lots", risk = "Huge", colour = "red" }, Ct);
        var invalid = await leader.PostAsJsonAsync("/api/v1/tech-debt", new { title = " ", remediationEstimateHours = 0, manualInterestHoursPerMonth = -2 }, Ct);
        var badFilter = await leader.GetAsync("/api/v1/tech-debt?status=Gone&sort=colour", Ct);

        (await typed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()
            .ShouldBe(["colour", "remediationEstimateHours", "risk"]);
        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order()
            .ShouldBe(["manualInterestHoursPerMonth", "remediationEstimateHours", "serviceId", "title"]);
        (await badFilter.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["status"]);
        var list = await (await leader.GetAsync("/api/v1/tech-debt", Ct)).JsonAsync();
        list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("title").GetString() is "x" or " ").ShouldBeEmpty();
    }

    [Fact]
    public async Task Roles_RequesterAndAgent_RefusedWhereTheyMayNotAct()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var agent = await app.ClientForAsync("agent");
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");

        await (await requester.GetAsync("/api/v1/tech-debt", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.GetAsync("/api/v1/tech-debt/interest", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.GetAsync("/api/v1/tech-debt/TD0001", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.PostAsJsonAsync("/api/v1/tech-debt", new { title = "x", serviceId, remediationEstimateHours = 1 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.PostAsJsonAsync("/api/v1/tech-debt", new { title = "x", serviceId, remediationEstimateHours = 1 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        (await agent.GetAsync("/api/v1/tech-debt", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await agent.GetAsync("/api/v1/tech-debt/TD9999", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
