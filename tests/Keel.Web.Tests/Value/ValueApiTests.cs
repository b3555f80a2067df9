using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Value;

public sealed class ValueApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Value_ByRole_LeadersAndOwnersSeeCostAgentsOnlyExperienceRequestersNothing()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!;
        var url = $"/api/v1/services/{serviceId}/value?from=2026-02-01&to=2026-03-01";

        foreach (var finance in new[] { "leader", "exec", "admin", "owner" })
        {
            using var client = await app.ClientForAsync(finance);
            var body = await (await client.GetAsync(url, Ct)).JsonAsync();
            body.GetProperty("cost").ValueKind.ShouldBe(JsonValueKind.Object, finance);
            body.GetProperty("experience").GetProperty("target").GetInt32().ShouldBe(75, finance);
            body.GetProperty("currency").GetString().ShouldBe("EUR");
        }
        using var agent = await app.ClientForAsync("agent");
        var experienceOnly = await (await agent.GetAsync(url, Ct)).JsonAsync();
        experienceOnly.GetProperty("cost").ValueKind.ShouldBe(JsonValueKind.Null);
        experienceOnly.GetProperty("outcomes").ValueKind.ShouldBe(JsonValueKind.Null);
        experienceOnly.GetProperty("consumption").ValueKind.ShouldBe(JsonValueKind.Null);
        (await requester.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await requester.GetAsync($"/api/v1/services/{serviceId}/value/trend", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CockpitShowbackAndWeights_AreRefusedToRolesWithoutThem()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");
        using var exec = await app.ClientForAsync("exec");
        using var agent = await app.ClientForAsync("agent");
        using var requester = await app.ClientForAsync("requester");

        (await leader.GetAsync("/api/v1/cockpit", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await exec.GetAsync("/api/v1/cockpit", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.GetAsync("/api/v1/cockpit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await requester.GetAsync("/api/v1/cockpit", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var csv = await leader.GetAsync("/api/v1/showback?from=2026-02-01&to=2026-03-01", Ct);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        System.Text.Encoding.UTF8.GetString(bytes).ShouldStartWith("\uFEFFService,Period from,Period to,Currency,Service cost");
        (await agent.GetAsync("/api/v1/showback", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await agent.GetAsync("/api/v1/experience/weights", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await agent.PutAsJsonAsync("/api/v1/experience/weights", Weights, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await requester.GetAsync("/api/v1/experience/weights", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Weights_NeedIfMatchAndTheCurrentVersion()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");
        var etag = (await leader.GetAsync("/api/v1/experience/weights", Ct)).Headers.ETag!.Tag;

        (await leader.PutAsJsonAsync("/api/v1/experience/weights", Weights, Ct)).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var saved = await PutAsync(leader, etag, Weights);
        var stale = await PutAsync(leader, etag, Weights);

        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await saved.JsonAsync()).GetProperty("satisfaction").GetInt32().ShouldBe(50);
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-03-01", "from")]
    [InlineData("from=2026-03-01&to=2026-02-01", "to")]
    [InlineData("from=2026-03-01", "to")]
    public async Task Value_BadPeriod_Is400WithTheField(string query, string field)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");

        var response = await leader.GetAsync($"/api/v1/cockpit?{query}", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    private static readonly object Weights = new { satisfaction = 50, reopenRate = 10, firstContactResolution = 10, withinSla = 20, effort = 10 };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/experience/weights") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Ct);
    }
}
