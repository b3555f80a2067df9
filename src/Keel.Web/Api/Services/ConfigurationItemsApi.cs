using System.Text.Json;
using Keel.Application.Services;
using Keel.Domain.Services.Configuration;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Services;

public static class ConfigurationItemsApi
{
    public static IEndpointRouteBuilder MapConfigurationItemsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/configuration-items").WithTags("Services");
        group.MapGet("", ListCis).RequireAuthorization(Policies.Staff).WithName("ListConfigurationItems")
            .WithSummary("Configuration items; filter with q, type, status, serviceId.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetConfigurationItem").WithSummary("One configuration item with its ETag.");
        group.MapPost("", Create).RequireAuthorization(Policies.ServiceEditors).WithName("CreateConfigurationItem").WithSummary("Create a configuration item.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.ServiceEditors).WithName("UpdateConfigurationItem")
            .WithSummary("Change name, type, status, ownerId, attributes or serviceIds (merge patch, If-Match required).");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.ServiceEditors).WithName("DeleteConfigurationItem")
            .WithSummary("Delete a configuration item; refused with 409 while it has relationships.");
        group.MapGet("/{id:guid}/relationships", Relationships).RequireAuthorization(Policies.Staff).WithName("ListCiRelationships")
            .WithSummary("The relationships of a CI in both directions, each read \"from type to\".");
        group.MapPost("/{id:guid}/relationships", AddRelationship).RequireAuthorization(Policies.ServiceEditors).WithName("AddCiRelationship")
            .WithSummary("Relate this CI: { \"type\", \"toId\" } (this CI type toId) or { \"type\", \"fromId\" } (fromId type this CI).");
        group.MapDelete("/{id:guid}/relationships/{relationshipId:guid}", RemoveRelationship).RequireAuthorization(Policies.ServiceEditors)
            .WithName("RemoveCiRelationship").WithSummary("Remove a relationship of this CI.");
        group.MapPost("/import", ImportCis).RequireAuthorization(Policies.ServiceEditors).WithName("ImportConfigurationItems")
            .Accepts<string>("text/csv")
            .WithSummary("CSV of CIs (header name,type[,status,owner,services,attr.<key>…]); a name that exists updates that CI. Answers the counts and each rejected line with its reason.");
        group.MapPost("/relationships/import", ImportRelationships).RequireAuthorization(Policies.ServiceEditors).WithName("ImportCiRelationships")
            .Accepts<string>("text/csv")
            .WithSummary("CSV of relationships (header from,type,to with CI names). Answers the counts and each rejected line with its reason.");
        group.MapGet("/{id:guid}/impact", Impact).RequireAuthorization(Policies.Staff).WithName("GetCiImpact")
            .WithSummary("If this CI fails: affected CIs (depth and last step), services and business units with paths; optional maxDepth.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<CiView>>, ProblemHttpResult>> ListCis(
        [AsParameters] ListQuery query, string? type, CiStatus? status, Guid? serviceId, ConfigurationItemService cis, CancellationToken ct) =>
        ApiResults.List(await cis.ListAsync(new CiFilter(query.Q, type, status, serviceId), query.Page, ct));

    private static async Task<Results<Ok<CiView>, ProblemHttpResult>> Get(Guid id, HttpContext http, ConfigurationItemService cis, CancellationToken ct) =>
        WithETag(http, await cis.GetAsync(id, ct), c => c.Version);

    private static async Task<Results<Created<CiView>, ProblemHttpResult>> Create(CiDraft draft, ConfigurationItemService cis, CancellationToken ct)
    {
        var result = await cis.CreateAsync(draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/configuration-items/{result.Value!.Id}", result.Value) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<CiView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, ConfigurationItemService cis, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "status", "attributes", "serviceIds");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return ApiResults.Problem((version.Error ?? split.Error)!);
        }
        var (p, f) = split.Value;
        var changes = new CiPatch(p.String("name"), p.String("type"), f.Enum<CiStatus>("status"), p.Guid("ownerId"),
            f.Strings("attributes"), f.Guids("serviceIds"));
        if (p.Finish() is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }
        return WithETag(http, await cis.UpdateAsync(id, version.Value, changes, ct), c => c.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ConfigurationItemService cis, CancellationToken ct) =>
        NoContent(await cis.DeleteAsync(id, ct));

    private static async Task<Results<Ok<ListResponse<RelationshipView>>, ProblemHttpResult>> Relationships(
        Guid id, [AsParameters] ListQuery query, CiRelationshipService relationships, CancellationToken ct) =>
        ApiResults.List(await relationships.ListAsync(id, query.Page, ct));

    private static async Task<Results<Created<RelationshipView>, ProblemHttpResult>> AddRelationship(
        Guid id, RelationshipDraft draft, CiRelationshipService relationships, CancellationToken ct)
    {
        var result = await relationships.AddAsync(id, draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/configuration-items/{id}/relationships/{result.Value!.Id}", result.Value) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveRelationship(Guid id, Guid relationshipId, CiRelationshipService relationships, CancellationToken ct) =>
        NoContent(await relationships.RemoveAsync(id, relationshipId, ct));

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportCis(HttpRequest request, CiImportService import, CancellationToken ct) =>
        Ok(await import.ImportCisAsync(await ReadTextAsync(request, ct), ct));

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportRelationships(HttpRequest request, CiImportService import, CancellationToken ct) =>
        Ok(await import.ImportRelationshipsAsync(await ReadTextAsync(request, ct), ct));

    private static async Task<string> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    private static async Task<Results<Ok<ImpactView>, ProblemHttpResult>> Impact(Guid id, int? maxDepth, ImpactService impact, CancellationToken ct) =>
        Ok(await impact.AnalyzeAsync(id, maxDepth, ct));
}
