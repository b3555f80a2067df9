using System.Net;
using System.Net.Http.Json;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Balance;

/// <summary>The balance pages over HTTP (prerendered): who gets them and what they show.</summary>
public sealed class BalancePagesTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DemoAccounts.Requester, "/initiatives", false)]
    [InlineData(DemoAccounts.Requester, "/initiatives/new", false)]
    [InlineData(DemoAccounts.Agent, "/initiatives", true)]
    [InlineData(DemoAccounts.Agent, "/balance/activities", false)]
    [InlineData(DemoAccounts.Leader, "/balance/activities", true)]
    public async Task Page_ByRole_OnlyTheirReadersGetIt(string userName, string path, bool allowed)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync(userName);

        var response = await client.GetAsync(path, Ct);

        (response.StatusCode == HttpStatusCode.OK && !response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/denied", StringComparison.Ordinal))
            .ShouldBe(allowed, $"{userName} {path}: {response.StatusCode} {response.RequestMessage?.RequestUri}");
    }

    [Fact]
    public async Task InitiativeRecord_Leader_ShowsExpectedValueAndLinkedWork()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync(DemoAccounts.Leader);
        using var agent = await app.ClientForAsync(DemoAccounts.Agent);
        var serviceId = await IdAsync(leader, "/api/v1/services", "Workplace Services");
        var initiative = await (await leader.PostAsJsonAsync("/api/v1/initiatives",
            new { name = "Self-service portal", serviceId, category = "Grow", expectedValue = 120, unit = "calls" }, Ct)).JsonAsync();
        var number = (await (await agent.PostAsJsonAsync("/api/v1/incidents", new { title = "Portal form fails", serviceId, impact = 2, urgency = 2 }, Ct)).JsonAsync())
            .GetProperty("number").GetString()!;
        using var link = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/work/{number}") { Content = JsonContent.Create(new { initiativeId = initiative.GetProperty("id").GetString() }) };
        link.Headers.IfMatch.ParseAdd("\"0\"");
        (await agent.SendAsync(link, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var html = await leader.GetStringAsync($"/initiatives/{initiative.GetProperty("number").GetString()}", Ct);
        var record = await agent.GetStringAsync($"/work/incidents/{number}", Ct);

        html.ShouldContain("Self-service portal");
        html.ShouldContain("120 calls");
        html.ShouldContain(number);
        record.ShouldContain("Investment");
        record.ShouldContain("Self-service portal");
    }
}
