using System.Net;
using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Work;

public sealed class NotificationsApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AgentReplies_RequesterSeesItUnreadOthersSeeNothing_ReadClearsIt()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var requester2 = await app.ClientForAsync("requester2");
        using var agent = await app.ClientForAsync("agent");
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        var incident = await (await requester.PostAsJsonAsync("/api/v1/incidents", new { title = "Cannot print", serviceId, impact = 3, urgency = 3 }, Ct)).JsonAsync();
        var number = incident.GetProperty("number").GetString();
        await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new { body = "Internal: check the <b>queue</b>", @internal = true }, Ct);
        await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new { body = "Which printer?" }, Ct);

        var mine = await (await requester.GetAsync("/api/v1/me/notifications?unread=true", Ct)).JsonAsync();
        var only = mine.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("subject").GetString().ShouldBe($"New reply on {number}: Cannot print");
        only.GetProperty("link").GetString().ShouldBe($"/portal/items/{number}");
        only.GetProperty("body").GetString()!.ShouldNotContain("Internal");
        (await (await requester2.GetAsync("/api/v1/me/notifications", Ct)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
        await (await requester2.PostAsync($"/api/v1/me/notifications/{only.GetProperty("id").GetString()}/read", null, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        (await requester.PostAsync($"/api/v1/me/notifications/{only.GetProperty("id").GetString()}/read", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await requester.GetAsync("/api/v1/me/notifications/unread-count", Ct)).JsonAsync()).GetProperty("unread").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Preferences_UnknownEventRefused_ChoiceStored()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");

        var bad = await requester.PutAsJsonAsync("/api/v1/me/notification-preferences", new[] { new { @event = "Assigned", inApp = true, email = false }, new { @event = "Assigned", inApp = false, email = false } }, Ct);
        var good = await requester.PutAsJsonAsync("/api/v1/me/notification-preferences", new[] { new { @event = "Resolved", inApp = true, email = false } }, Ct);

        await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var resolved = (await good.JsonAsync()).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("event").GetString() == "Resolved");
        (resolved.GetProperty("inApp").GetBoolean(), resolved.GetProperty("email").GetBoolean()).ShouldBe((true, false));
    }
}
