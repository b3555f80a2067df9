using System.Net;
using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Work;

/// <summary>The work pages as the server renders them: who may open them, and what a requester's item page holds.</summary>
public sealed class WorkPagesTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RaiseAsync(HttpClient requester, HttpClient agent)
    {
        var serviceId = await IdAsync(agent, "/api/v1/services", "Workplace Services");
        var response = await requester.PostAsJsonAsync("/api/v1/incidents", new { title = "Monitor flickers", serviceId, impact = 3, urgency = 2 }, Ct);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    [Theory]
    [InlineData("/work")]
    [InlineData("/work/incidents/INC0000001")]
    [InlineData("/work/tasks/TSK0000001")]
    public async Task AgentWorkspace_Requester_Refused(string path)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");

        (await requester.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AgentWorkspace_Agent_OpensQueuesAndTheRecordWithItsInternalNotes()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var agent = await app.ClientForAsync("agent");
        var number = await RaiseAsync(requester, agent);
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new { body = "Driver 5.1 is known bad", @internal = true }, Ct)).EnsureSuccessStatusCode();

        var queues = await agent.GetAsync("/work", Ct);
        var record = await agent.GetStringAsync($"/work/incidents/{number}", Ct);

        queues.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await queues.Content.ReadAsStringAsync(Ct)).ShouldContain("Unassigned");
        record.ShouldContain("Monitor flickers");
        record.ShouldContain("Driver 5.1 is known bad");
        record.ShouldContain("Internal note");
    }

    [Fact]
    public async Task PortalItemPage_Requester_ShowsPublicRepliesAndNeverInternalNotes()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var agent = await app.ClientForAsync("agent");
        var number = await RaiseAsync(requester, agent);
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new { body = "Driver 5.1 is known bad", @internal = true }, Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new { body = "Which **monitor** model is it?" }, Ct)).EnsureSuccessStatusCode();

        var page = await requester.GetStringAsync($"/portal/items/{number}", Ct);

        page.ShouldContain("Monitor flickers");
        page.ShouldContain("Which <strong>monitor</strong> model is it?");
        page.ShouldNotContain("Driver 5.1");
        page.ShouldNotContain("Internal note");
    }

    [Fact]
    public async Task PortalItemPage_AnotherRequestersItem_NotShown()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var other = await app.ClientForAsync("requester2");
        using var agent = await app.ClientForAsync("agent");
        var number = await RaiseAsync(requester, agent);

        var page = await other.GetStringAsync($"/portal/items/{number}", Ct);

        page.ShouldNotContain("Monitor flickers");
        page.ShouldContain("not found", Case.Insensitive);
    }
}
