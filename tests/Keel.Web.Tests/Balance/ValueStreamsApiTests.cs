using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Balance;

public sealed class ValueStreamsApiTests(DatabaseFixture databases)
{
    private const string Path = "/api/v1/value-streams";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Restore(string name = "Restore service") => new
    {
        name,
        kind = "Incident",
        steps = new[]
        {
            new { name = "Triage", activity = "Engage", start = "Created", end = "Entered:InProgress" },
            new { name = "Fix", activity = "DeliverAndSupport", start = "Entered:InProgress", end = "Entered:Resolved" },
        },
    };

    private static HttpRequestMessage WithIfMatch(HttpMethod method, string path, object body, string etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.ParseAdd(etag);
        return request;
    }

    [Theory, DatabaseData]
    public async Task ValueStream_DefinedChangedAndDeletedByLeader_EveryRuleAnsweredByTheApi(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var leader = await app.ClientForAsync("leader");
        using var agent = await app.ClientForAsync("agent");

        var created = await leader.PostAsJsonAsync(Path, Restore(), Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var path = created.Headers.Location!.ToString();
        var read = await agent.GetAsync(path, Ct);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = read.Headers.ETag!.ToString();
        (await read.JsonAsync()).GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ShouldBe(["Triage", "Fix"]);
        (await (await agent.GetAsync(Path, Ct)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(1);

        await (await leader.PatchAsync(path, JsonContent.Create(new { name = "Restore" }), Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        using var patch = WithIfMatch(HttpMethod.Patch, path, new
        {
            name = "Restore a service",
            steps = new[]
            {
                new { name = "Triage", activity = "Engage", start = "Created", end = "Entered:InProgress" },
                new { name = "Fix", activity = "DeliverAndSupport", start = "Entered:InProgress", end = "Entered:Resolved" },
                new { name = "Confirm", activity = "Engage", start = "Entered:Resolved", end = "Entered:Closed" },
            },
        }, etag);
        var patched = await leader.SendAsync(patch, Ct);
        patched.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await patched.JsonAsync();
        (body.GetProperty("name").GetString(), body.GetProperty("steps").GetArrayLength(), body.GetProperty("kind").GetString()).ShouldBe(("Restore a service", 3, "Incident"));
        using var stale = WithIfMatch(HttpMethod.Put, path, Restore("Stale"), etag);
        await (await leader.SendAsync(stale, Ct)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        using var put = WithIfMatch(HttpMethod.Put, path, Restore("Restore service"), patched.Headers.ETag!.ToString());
        var replaced = await leader.SendAsync(put, Ct);
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await replaced.JsonAsync()).GetProperty("steps").GetArrayLength().ShouldBe(2);

        var flow = await agent.GetAsync($"{path}/flow?from=2026-01-01&to=2026-02-01", Ct);
        flow.StatusCode.ShouldBe(HttpStatusCode.OK);
        var figures = (await flow.JsonAsync()).GetProperty("figures");
        figures.GetProperty("steps").GetArrayLength().ShouldBe(2);
        figures.TryGetProperty("medianLeadHours", out _).ShouldBeTrue();
        figures.TryGetProperty("throughputPerWeek", out _).ShouldBeTrue();

        (await leader.DeleteAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await agent.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Create_BadSteps_400WithFieldErrorsAndNothingStored()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");

        var invalid = await leader.PostAsJsonAsync(Path, new
        {
            name = "Onboard",
            kind = "Request",
            steps = new[]
            {
                new { name = "Approve", activity = "Engage", start = "Created", end = "Entered:Resolved" },
                new { name = "approve", activity = "Engage", start = "Entered:Approved", end = "Entered:Fulfilled" },
            },
        }, Ct);
        var tooFew = await leader.PostAsJsonAsync(Path, new { name = "Onboard", kind = "Request", steps = Array.Empty<object>() }, Ct);

        var errors = (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["steps[0].end", "steps[1].name"]);
        (await tooFew.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("steps", out _).ShouldBeTrue();
        (await (await leader.GetAsync(Path, Ct)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Access_AgentWritesOrRequesterReads_403()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");
        using var agent = await app.ClientForAsync("agent");
        using var requester = await app.ClientForAsync("requester");
        var path = (await leader.PostAsJsonAsync(Path, Restore(), Ct)).Headers.Location!.ToString();

        await (await agent.PostAsJsonAsync(Path, Restore("Another"), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await agent.DeleteAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.GetAsync(Path, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.GetAsync($"{path}/flow", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await leader.GetAsync($"{path}/flow?from=2026-13-01", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
