using System.Text.Json;
using Keel.Application.Balance;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Value;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Balance;

/// <summary>
/// The value-chain distribution of effort (<c>/api/v1/balance/activities</c>) and the classification of one work item of
/// any kind by number (<c>/api/v1/work/{number}</c>): its investment category, value-chain activity and initiative.
/// </summary>
public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/balance/activities", Activities).WithTags("Balance").RequireAuthorization(Policies.Balance).WithName("GetActivityBalance")
            .WithSummary("Hours logged in ?from=YYYY-MM-DD&to=YYYY-MM-DD ([from, to)) per value-chain activity of the work they were logged on, "
                + "with shares and item counts; ?teamId= counts only that team's members' logs. All six activities, in the chain's order.");
        var work = app.MapGroup("/api/v1/work").WithTags("Balance");
        work.MapGet("/{number}/investment", GetInvestment).RequireAuthorization(Policies.Staff).WithName("GetWorkInvestment")
            .WithSummary("A work item's (INC…, REQ…, TSK…, PRB…, CHG…) investment category, value-chain activity, whether each was set by hand, and its initiative, with the item's ETag.");
        work.MapPatch("/{number}", UpdateInvestment).RequireAuthorization(Policies.Staff).WithName("ClassifyWork")
            .WithSummary("Merge patch with If-Match (the item's ETag): investmentCategory, valueChainActivity (null = back to the rule), initiativeId (null unlinks). "
                + "Linking or unlinking reclassifies what is not set by hand; each change is a history line.");
        return app;
    }

    private static async Task<Results<Ok<ActivityDistribution>, ProblemHttpResult>> Activities(
        string? from, string? to, Guid? teamId, ActivityBalanceService balance, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var first = Period.ParseDate(errors, "from", from);
        var last = Period.ParseDate(errors, "to", to);
        return errors.Any ? Problem(errors.ToError()) : Ok(await balance.DistributionAsync(first, last, teamId, ct));
    }

    private static async Task<Results<Ok<WorkInvestmentView>, ProblemHttpResult>> GetInvestment(
        string number, HttpContext http, WorkInvestmentService investment, CancellationToken ct) =>
        WithETag(http, await investment.GetAsync(number, ct), w => w.Version);

    private static async Task<Results<Ok<WorkInvestmentView>, ProblemHttpResult>> UpdateInvestment(
        string number, JsonElement body, HttpContext http, WorkInvestmentService investment, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "investmentCategory", "valueChainActivity");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, f) = split.Value;
        var patch = new WorkInvestmentPatch(f.Enum<InvestmentCategory>("investmentCategory"), f.Enum<ValueChainActivity>("valueChainActivity"), p.Guid("initiativeId"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await investment.UpdateAsync(number, version.Value, patch, ct), w => w.Version);
    }
}
