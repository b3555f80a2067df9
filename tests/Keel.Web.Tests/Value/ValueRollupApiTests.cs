using System.Net;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Value;

public sealed class ValueRollupApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rebuild_AsAnAgent_Is403()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        await (await agent.PostAsync("/api/v1/value/rollup/rebuild?from=2026-03-01&to=2026-03-02", null, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Rebuild_AsTheItLeader_RewritesTheRangeAndRefusesAReversedOne()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");

        var response = await leader.PostAsync("/api/v1/value/rollup/rebuild?from=2026-02-01&to=2026-03-01", null, Ct);
        var reversed = await leader.PostAsync("/api/v1/value/rollup/rebuild?from=2026-03-01&to=2026-02-01", null, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.JsonAsync();
        (body.GetProperty("from").GetString(), body.GetProperty("to").GetString(), body.GetProperty("days").GetInt32()).ShouldBe(("2026-02-01", "2026-03-01", 28));
        var problem = await reversed.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
    }
}
