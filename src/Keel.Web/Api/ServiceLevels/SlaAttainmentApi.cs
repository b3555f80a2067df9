using Keel.Application.ServiceLevels;
using Keel.Domain.ServiceLevels;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.ServiceLevels;

public static class SlaAttainmentApi
{
    public static IEndpointRouteBuilder MapSlaAttainmentApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sla-attainment").WithTags("Service levels");
        group.MapGet("", Get).RequireAuthorization(Policies.ServiceReaders).WithName("GetSlaAttainment")
            .WithSummary("SLA attainment, met / (met + breached) with cancelled clocks left out, for ?from=YYYY-MM&to=YYYY-MM (both included, "
                + $"at most {AttainmentRules.MaxMonths} months; default the last twelve) grouped by groupBy=month|service|team|priority; "
                + "filters serviceId, teamId, agreement=Sla|Ola (default Sla), kind=Response|Resolution. A met clock counts in the month it stopped, "
                + "a breached one in the month its target ran out. Returned whole (no cursor); service owners see their own services only.");
        group.MapPost("/rebuild", Rebuild).RequireAuthorization(Policies.Admin).WithName("RebuildSlaAttainment")
            .WithSummary("Rewrite the attainment of ?from=YYYY-MM&to=YYYY-MM from the clocks (the hourly job keeps only the current and previous month); audited.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<AttainmentView>>, ProblemHttpResult>> Get(
        string? from, string? to, string? groupBy, Guid? serviceId, Guid? teamId, Agreement? agreement, ClockKind? kind,
        AttainmentService attainment, CancellationToken ct) =>
        All(await attainment.QueryAsync(new AttainmentQuery(from, to, groupBy, serviceId, teamId, agreement, kind), ct));

    private static async Task<Results<Ok<AttainmentRebuildView>, ProblemHttpResult>> Rebuild(
        string? from, string? to, AttainmentService attainment, CancellationToken ct) =>
        Ok(await attainment.RebuildAsync(from, to, ct));
}
