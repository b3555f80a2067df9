using System.Text.Json;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.Services.Catalog;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Services;

/// <summary>The body of <c>POST /api/v1/catalog-items/{id}/validate</c> and its answer.</summary>
public sealed record AnswersBody(JsonElement Answers);

public static class CatalogItemsApi
{
    public static IEndpointRouteBuilder MapCatalogItemsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/catalog-items").WithTags("Services");
        group.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithName("ListCatalogItems")
            .WithSummary("Catalogue items; filter with q, serviceId and (staff) active=true|false. A requester gets only the items the portal offers them.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetCatalogItem").WithSummary("One catalogue item with its form definition (ETag for staff).");
        group.MapPost("", Create).RequireAuthorization(Policies.ServiceEditors).WithName("CreateCatalogItem").WithSummary("Add an item to a service the caller owns (admins: any).");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.ServiceEditors).WithName("UpdateCatalogItem")
            .WithSummary("Change an item (merge patch, If-Match required); form and tasks are replaced whole.");
        group.MapPost("/{id:guid}/validate", Validate).RequireAuthorization(Policies.SignedIn).WithName("ValidateCatalogAnswers")
            .WithSummary("Check { \"answers\": { key: value } } against the item's form: 200 with the normalized answers, or 400 with answers.<key> field errors.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<CatalogItemView>>, Ok<ListResponse<PortalCatalogItemView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, Guid? serviceId, bool? active, ICurrentUser user, CatalogService catalog, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            var portal = await catalog.ListPortalAsync(query.Q, serviceId, query.Page, ct);
            return portal.IsSuccess ? TypedResults.Ok(ListResponse<PortalCatalogItemView>.From(portal.Value!)) : ApiResults.Problem(portal.Error!);
        }
        var result = await catalog.ListAsync(new CatalogFilter(query.Q, serviceId, active), query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<CatalogItemView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<CatalogItemView>, Ok<PortalCatalogItemView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, ICurrentUser user, CatalogService catalog, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            var portal = await catalog.GetPortalAsync(id, ct);
            return portal.IsSuccess ? TypedResults.Ok(portal.Value) : ApiResults.Problem(portal.Error!);
        }
        var result = await catalog.GetAsync(id, ct);
        if (!result.IsSuccess)
        {
            return ApiResults.Problem(result.Error!);
        }
        ETags.Set(http, result.Value!.Version);
        return TypedResults.Ok(result.Value);
    }

    private static async Task<Results<Created<CatalogItemView>, ProblemHttpResult>> Create(CatalogItemDraft draft, CatalogService catalog, CancellationToken ct)
    {
        var result = await catalog.CreateAsync(draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/catalog-items/{result.Value!.Id}", result.Value) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<CatalogItemView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, CatalogService catalog, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "form", "tasks", "businessUnitIds", "approval", "expectedDeliveryHours");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return ApiResults.Problem((version.Error ?? split.Error)!);
        }
        var (p, f) = split.Value;
        var changes = new CatalogItemPatch(p.String("name"), p.String("description"), f.Json("form"), p.Bool("forEveryone"),
            f.Guids("businessUnitIds"), f.Enum<ApprovalNeed>("approval"), f.Json("tasks"), f.Int("expectedDeliveryHours"), p.Bool("active"));
        if (p.Finish() is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }
        return WithETag(http, await catalog.UpdateAsync(id, version.Value, changes, ct), i => i.Version);
    }

    private static async Task<Results<Ok<AnswersBody>, ProblemHttpResult>> Validate(Guid id, AnswersBody body, CatalogService catalog, CancellationToken ct)
    {
        var result = await catalog.ValidateAnswersAsync(id, body.Answers, ct);
        return result.IsSuccess ? TypedResults.Ok(new AnswersBody(result.Value)) : ApiResults.Problem(result.Error!);
    }
}
