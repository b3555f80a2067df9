using System.Text.Json;
using Keel.Application.Platform.Audit;
using Keel.Application.Platform.Organization;
using Keel.Application.Platform.Paging;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Web.Api.Platform;

public static class BusinessUnitsApi
{
    public static IEndpointRouteBuilder MapBusinessUnitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/business-units").WithTags("Platform");
        group.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithName("ListBusinessUnits").WithSummary("Business units, filterable with q.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetBusinessUnit").WithSummary("One business unit, with its ETag.");
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.Staff).WithName("GetBusinessUnitHistory").WithSummary("Changes to a business unit.");
        group.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreateBusinessUnit").WithSummary("Create a business unit.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateBusinessUnit").WithSummary("Change a business unit (merge patch, If-Match required).");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Admin).WithName("DeleteBusinessUnit").WithSummary("Delete an empty business unit.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<BusinessUnitView>>, ProblemHttpResult>> List([AsParameters] ListQuery query, BusinessUnitService units, CancellationToken ct)
    {
        var result = await units.ListAsync(query.Q, query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<BusinessUnitView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<BusinessUnitView>, ProblemHttpResult>> Get(Guid id, HttpContext http, BusinessUnitService units, CancellationToken ct) =>
        ApiResults.WithETag(http, await units.GetAsync(id, ct), v => v.Version);

    private static async Task<Results<Ok<ListResponse<AuditView>>, ProblemHttpResult>> History(Guid id, [AsParameters] ListQuery query, BusinessUnitService units, AuditService audit, CancellationToken ct)
    {
        var unit = await units.GetAsync(id, ct);
        if (!unit.IsSuccess)
        {
            return ApiResults.Problem(unit.Error!);
        }
        var result = await audit.HistoryAsync(nameof(Keel.Domain.Platform.BusinessUnit), id, query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<AuditView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Created<BusinessUnitView>, ProblemHttpResult>> Create(BusinessUnitDraft draft, BusinessUnitService units, CancellationToken ct)
    {
        var result = await units.CreateAsync(draft, ct);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/business-units/{result.Value!.Id}", result.Value)
            : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<BusinessUnitView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, BusinessUnitService units, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var patch = MergePatch.From(body);
        if (!patch.IsSuccess || !version.IsSuccess)
        {
            return ApiResults.Problem((version.Error ?? patch.Error)!);
        }
        var p = patch.Value!;
        var changes = new BusinessUnitPatch(p.String("name"), p.String("code"), p.String("description"));
        if (p.Finish() is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }
        return ApiResults.WithETag(http, await units.UpdateAsync(id, version.Value, changes, ct), v => v.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, BusinessUnitService units, CancellationToken ct)
    {
        var result = await units.DeleteAsync(id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }
}
