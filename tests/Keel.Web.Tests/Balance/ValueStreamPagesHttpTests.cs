using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Balance;

/// <summary>The value-stream pages as the server renders them: the list and a stream, for a reader; refused to a requester.</summary>
public sealed class ValueStreamPagesHttpTests(Keel.Application.Tests.Infrastructure.DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pages_LeaderAndRequester_ListAndStreamRenderForTheLeaderRefusedForTheRequester()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");
        using var requester = await app.ClientForAsync("requester");
        var serviceId = await IdAsync(leader, "/api/v1/services", "Workplace Services");
        var created = await leader.PostAsJsonAsync("/api/v1/value-streams", new
        {
            name = "Restore the workplace",
            kind = "Incident",
            serviceId,
            steps = new[]
            {
                new { name = "Triage", activity = "Engage", start = "Created", end = "Entered:InProgress" },
                new { name = "Fix", activity = "DeliverAndSupport", start = "Entered:InProgress", end = "Entered:Resolved" },
            },
        }, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString();

        var list = await leader.GetAsync("/value-streams", Ct);
        var stream = await leader.GetAsync($"/value-streams/{id}", Ct);

        list.StatusCode.ShouldBe(HttpStatusCode.OK, await list.Content.ReadAsStringAsync(Ct));
        (await list.Content.ReadAsStringAsync(Ct)).ShouldContain("Restore the workplace");
        stream.StatusCode.ShouldBe(HttpStatusCode.OK, await stream.Content.ReadAsStringAsync(Ct));
        (await stream.Content.ReadAsStringAsync(Ct)).ShouldContain("Triage");
        (await requester.GetAsync("/value-streams", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
