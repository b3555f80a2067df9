using Keel.Application.Value;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Value;

public static class ValueRollupApi
{
    public static IEndpointRouteBuilder MapValueRollupApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/value/rollup/rebuild", Rebuild).RequireAuthorization(Policies.ValueSettings).WithTags("Experience & value")
            .WithName("RebuildValueRollup")
            .WithSummary("Rewrite the daily value rollup of ?from=YYYY-MM-DD&to=YYYY-MM-DD ([from, to); default from the first record "
                + "through tomorrow) from the raw records: after a team's hourly rate or members changed, a requester moved to another "
                + "business unit, or clocks were recomputed. The five-minute job keeps only the days touched since its last run. Audited.");
        return app;
    }

    private static async Task<Results<Ok<ValueRollupRebuildView>, ProblemHttpResult>> Rebuild(
        string? from, string? to, ValueRollupService rollup, CancellationToken ct) =>
        Ok(await rollup.RebuildAsync(from, to, ct));
}
