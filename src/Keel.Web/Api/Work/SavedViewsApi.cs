using System.Text.Json;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Work;

/// <summary>
/// Saved views of the agent workspace (issue 4): the caller's own and their teams' shared views. The filter is the
/// workspace's queue, filters and sort as a versioned document; unknown fields and bad values are refused on saving.
/// </summary>
public static class SavedViewsApi
{
    public static IEndpointRouteBuilder MapSavedViewsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/saved-views").WithTags("Work").RequireAuthorization(Policies.Work);
        group.MapGet("", List).WithName("ListSavedViews")
            .WithSummary("The caller's own saved views and those shared with their teams; sort by name or updatedAt. Each says whether it is the caller's default and what had to be left out of its filter (warnings).");
        group.MapGet("/{id:guid}", Get).WithName("GetSavedView").WithSummary("One saved view with its ETag.");
        group.MapPost("", Create).WithName("CreateSavedView")
            .WithSummary("Save a view: { name, team? (one of the caller's teams, to share it), filter: { kind, queue (Mine|MyTeams|Unassigned|Waiting), state?: [], priority?: [], service?: [ids], q?, sort? }, isDefault? }.");
        group.MapPatch("/{id:guid}", Update).WithName("UpdateSavedView")
            .WithSummary("Rename, re-share or replace the filter (author only), or make it the caller's default (isDefault); merge patch, If-Match required.");
        group.MapDelete("/{id:guid}", Delete).WithName("DeleteSavedView")
            .WithSummary("Delete a saved view: its author; a shared view also its team's lead or an admin.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<SavedViewView>>, ProblemHttpResult>> List([AsParameters] ListQuery query, SavedViewService views, CancellationToken ct) =>
        ApiResults.List(await views.ListAsync(query.Page, ct));

    private static async Task<Results<Ok<SavedViewView>, ProblemHttpResult>> Get(Guid id, HttpContext http, SavedViewService views, CancellationToken ct) =>
        WithETag(http, await views.GetAsync(id, ct), v => v.Version);

    private static async Task<Results<Created<SavedViewView>, ProblemHttpResult>> Create(JsonElement body, HttpContext http, SavedViewService views, CancellationToken ct)
    {
        var split = PatchFields.From(body, "filter");
        if (!split.IsSuccess)
        {
            return Problem(split.Error!);
        }
        var (p, fields) = split.Value;
        var draft = new SavedViewDraft(p.String("name").Value, p.Guid("team").Value, fields.Json("filter").Value, p.Bool("isDefault") is { IsSet: true } d ? d.Value : null);
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        var result = await views.CreateAsync(draft, ct);
        if (result.IsSuccess)
        {
            ETags.Set(http, result.Value!.Version);
        }
        return Created(result, v => $"/api/v1/saved-views/{v.Id}");
    }

    private static async Task<Results<Ok<SavedViewView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, SavedViewService views, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "filter");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var filter = fields.Json("filter");
        if (filter.IsSet && filter.Value is null)
        {
            p.Errors.Add("filter", "cannot be null; send the whole filter to replace it.");
        }
        var patch = new SavedViewPatch(p.String("name"), p.Guid("team"), filter, p.Bool("isDefault"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await views.UpdateAsync(id, version.Value, patch, ct), v => v.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, SavedViewService views, CancellationToken ct) =>
        NoContent(await views.DeleteAsync(id, ct));
}
