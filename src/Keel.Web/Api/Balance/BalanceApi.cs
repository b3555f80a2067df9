using Keel.Application.Balance;
using Keel.Application.Platform.Paging;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Balance;

/// <summary>
/// The capacity balance (<c>/api/v1/balance</c>): logged time by investment category against the IT leader's targets,
/// month by month, with drift alerts and the work behind each figure; and the targets themselves. Shares, targets and
/// differences are percentage points (55 means 55 %), as the leader sets them.
/// </summary>
public static class BalanceApi
{
    public static IEndpointRouteBuilder MapBalanceApi(this IEndpointRouteBuilder app)
    {
        var balance = app.MapGroup("/api/v1/balance").WithTags("Balance");
        balance.MapGet("", Get).RequireAuthorization(Policies.Balance).WithName("GetBalance")
            .WithSummary("Target against actual per investment category for ?from=YYYY-MM&to=YYYY-MM (both included; default the last 12 months, at most 36), "
                + "for the department or ?teamId= (time counts for the team the person worked as), by ?basis=hours (default) or count (items worked on). "
                + "Per month: total, tolerance, the plan in force, and per category amount, actualPercent, targetPercent, differencePoints and drift (Over, Under or null). "
                + "alerts: a category beyond tolerance the same way in two or more consecutive complete months.");
        balance.MapGet("/work", Work).RequireAuthorization(Policies.Balance).WithName("ListBalanceWork")
            .WithSummary("The work behind one figure: work items of ?category= with time logged in ?period=YYYY-MM (by ?teamId='s people), with those hours; sort by number (default) or updatedAt; cursor-paged.");

        var targets = balance.MapGroup("/targets");
        targets.MapGet("", ListTargets).RequireAuthorization(Policies.Balance).WithName("ListCapacityTargets")
            .WithSummary("Every capacity target (at most one per month and scope), newest month first; ?teamId= for one team's.");
        targets.MapGet("/{period}", GetTarget).RequireAuthorization(Policies.Balance).WithName("GetCapacityTarget")
            .WithSummary("The department's target set for the month YYYY-MM (or ?teamId='s), with its ETag. It applies until the next plan.");
        targets.MapPut("/{period}", Put).RequireAuthorization(Policies.BalanceSettings).WithName("SetCapacityTarget")
            .WithSummary("The IT leader and admins: { run, debt, grow, transform, tolerance } in points (whole or one decimal); the four add up to exactly 100, "
                + "tolerance 0..50. 201 when new; replacing needs If-Match. Field errors per category and 'sum'; nothing is written then.");
        targets.MapDelete("/{period}", Delete).RequireAuthorization(Policies.BalanceSettings).WithName("DeleteCapacityTarget")
            .WithSummary("The IT leader and admins: remove the month's target (the previous plan applies again). If-Match optional.");
        return app;
    }

    private static async Task<Results<Ok<BalanceView>, ProblemHttpResult>> Get([AsParameters] BalanceQuery query, BalanceService balance, CancellationToken ct)
    {
        var parsed = query.Parse();
        if (!parsed.IsSuccess)
        {
            return Problem(parsed.Error!);
        }
        var (from, to, basis) = parsed.Value;
        return Ok(await balance.BalanceAsync(from, to, query.TeamId, basis, ct));
    }

    private static async Task<Results<Ok<ListResponse<BalanceWorkView>>, ProblemHttpResult>> Work([AsParameters] BalanceWorkQuery query, BalanceService balance, CancellationToken ct)
    {
        var parsed = query.Parse();
        return parsed.IsSuccess
            ? List(await balance.WorkAsync(parsed.Value.Period, parsed.Value.Category, query.TeamId, new PageRequest(query.Limit, query.Cursor, query.Sort), ct))
            : Problem(parsed.Error!);
    }

    private static async Task<Results<Ok<ListResponse<CapacityTargetView>>, ProblemHttpResult>> ListTargets(Guid? teamId, CapacityTargetService targets, CancellationToken ct) =>
        All(await targets.ListAsync(teamId, ct));

    private static async Task<Results<Ok<CapacityTargetView>, ProblemHttpResult>> GetTarget(
        string period, Guid? teamId, HttpContext http, CapacityTargetService targets, CancellationToken ct)
    {
        var month = Month(period);
        return month.IsSuccess ? WithETag(http, await targets.GetAsync(month.Value, teamId, ct), t => t.Version) : Problem(month.Error!);
    }

    private static async Task<Results<Created<CapacityTargetView>, Ok<CapacityTargetView>, ProblemHttpResult>> Put(
        string period, Guid? teamId, CapacityTargetDraft draft, HttpContext http, CapacityTargetService targets, CancellationToken ct)
    {
        var month = Month(period);
        var version = ETags.Optional(http.Request);
        if (!month.IsSuccess || !version.IsSuccess)
        {
            return Problem((month.Error ?? version.Error)!);
        }
        var result = await targets.PutAsync(month.Value, teamId, draft, version.Value, ct);
        if (!result.IsSuccess)
        {
            return Problem(result.Error!);
        }
        var (target, created) = result.Value;
        ETags.Set(http, target.Version);
        return created
            ? TypedResults.Created($"/api/v1/balance/targets/{target.Period}" + (teamId is { } t ? $"?teamId={t}" : ""), target)
            : TypedResults.Ok(target);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string period, Guid? teamId, HttpContext http, CapacityTargetService targets, CancellationToken ct)
    {
        var month = Month(period);
        var version = ETags.Optional(http.Request);
        if (!month.IsSuccess || !version.IsSuccess)
        {
            return Problem((month.Error ?? version.Error)!);
        }
        return NoContent(await targets.DeleteAsync(month.Value, teamId, version.Value, ct));
    }

    private static Result<DateOnly> Month(string period) =>
        Months.Parse(period) is { } month ? month : Error.Validation("period", "must be a month as YYYY-MM.");
}
