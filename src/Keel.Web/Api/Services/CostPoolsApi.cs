using System.Text.Json;
using Keel.Application.Services;
using Keel.Domain.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Services;

public static class CostPoolsApi
{
    public static IEndpointRouteBuilder MapCostPoolsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cost-pools").WithTags("Services");
        group.MapGet("", List).RequireAuthorization(Policies.ServiceCosts).WithName("ListCostPools").WithSummary("Shared costs and how each is allocated to services; filter with q.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ServiceCosts).WithName("GetCostPool").WithSummary("One cost pool with its ETag.");
        group.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreateCostPool")
            .WithSummary("Create a cost pool: { name, monthly: { minor, currency? }, basis, shares?: [{ serviceId, share }] } (FixedShares add up to exactly 1).");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateCostPool")
            .WithSummary("Change name, monthly, basis or shares (merge patch, If-Match required; shares are replaced whole).");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Admin).WithName("DeleteCostPool").WithSummary("Delete a cost pool.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<CostPoolView>>, ProblemHttpResult>> List([AsParameters] ListQuery query, CostPoolService pools, CancellationToken ct) =>
        ApiResults.List(await pools.ListAsync(query.Q, query.Page, ct));

    private static async Task<Results<Ok<CostPoolView>, ProblemHttpResult>> Get(Guid id, HttpContext http, CostPoolService pools, CancellationToken ct) =>
        WithETag(http, await pools.GetAsync(id, ct), p => p.Version);

    private static async Task<Results<Created<CostPoolView>, ProblemHttpResult>> Create(CostPoolDraft draft, CostPoolService pools, CancellationToken ct)
    {
        var result = await pools.CreateAsync(draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/cost-pools/{result.Value!.Id}", result.Value) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<CostPoolView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, CostPoolService pools, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "monthly", "basis", "shares");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return ApiResults.Problem((version.Error ?? split.Error)!);
        }
        var (p, f) = split.Value;
        var monthly = f.Object<MoneyDraft>("monthly");
        var shares = f.Object<List<CostPoolShareDraft>>("shares");
        var changes = new CostPoolPatch(p.String("name"), monthly.IsSet ? new(true, monthly.Value) : default, f.Enum<AllocationBasis>("basis"),
            shares.IsSet ? new(true, shares.Value) : default);
        if (p.Finish() is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }
        return WithETag(http, await pools.UpdateAsync(id, version.Value, changes, ct), x => x.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, CostPoolService pools, CancellationToken ct) =>
        NoContent(await pools.DeleteAsync(id, ct));
}
