using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Keel.Application.Changes;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Changes;

/// <summary>Freeze and maintenance windows of the change calendar (issue 6): IT staff read, change managers and admins write.</summary>
public static class ChangeWindowsApi
{
    /// <summary>Who keeps windows and schedules changes (the use cases check the same roles).</summary>
    public static readonly AuthorizeAttribute Schedulers = new() { Roles = string.Join(',', ChangeCalendarAccess.SchedulerRoles) };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly HashSet<string> Fields = new(StringComparer.OrdinalIgnoreCase)
        { "kind", "name", "reason", "start", "end", "weekly", "serviceIds", "configurationItemIds" };

    public static IEndpointRouteBuilder MapChangeWindowsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/change-windows").WithTags("Changes");
        group.MapGet("", List).RequireAuthorization(Policies.Staff).WithName("ListChangeWindows")
            .WithSummary("Freeze and maintenance windows by name; filter kind=Freeze|Maintenance.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetChangeWindow").WithSummary("One window with its ETag.");
        group.MapPost("", Create).RequireAuthorization(Schedulers).WithName("CreateChangeWindow")
            .WithSummary("Create a window: { kind: Freeze|Maintenance, name, reason?, start?, end? (UTC; one-off), weekly?: { days: [\"saturday\"], start: \"22:00\", durationMinutes, timeZone (IANA) } (maintenance only), serviceIds?, configurationItemIds? }. A freeze without services covers everything.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Schedulers).WithName("UpdateChangeWindow")
            .WithSummary("Change a window (merge patch, If-Match required; lists and weekly are replaced whole, null clears).");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Schedulers).WithName("DeleteChangeWindow").WithSummary("Delete a window.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<ChangeWindowView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, ChangeWindowKind? kind, ChangeWindowService windows, CancellationToken ct) =>
        ApiResults.List(await windows.ListAsync(kind, query.Page, ct));

    private static async Task<Results<Ok<ChangeWindowView>, ProblemHttpResult>> Get(Guid id, HttpContext http, ChangeWindowService windows, CancellationToken ct) =>
        WithETag(http, await windows.GetAsync(id, ct), w => w.Version);

    private static async Task<Results<Created<ChangeWindowView>, ProblemHttpResult>> Create(ChangeWindowDraft draft, ChangeWindowService windows, CancellationToken ct) =>
        Created(await windows.CreateAsync(draft, ct), w => $"/api/v1/change-windows/{w.Id}");

    private static async Task<Results<Ok<ChangeWindowView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, ChangeWindowService windows, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        if (!version.IsSuccess)
        {
            return Problem(version.Error!);
        }
        var current = await windows.GetAsync(id, ct);
        if (!current.IsSuccess)
        {
            return Problem(current.Error!);
        }
        var draft = Merge(ChangeWindowDrafts.DraftOf(current.Value!), body);
        if (!draft.IsSuccess)
        {
            return Problem(draft.Error!);
        }
        return WithETag(http, await windows.UpdateAsync(id, version.Value, draft.Value!, ct), w => w.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, ChangeWindowService windows, CancellationToken ct) =>
        NoContent(await windows.DeleteAsync(id, ct));

    /// <summary>Applies an RFC 7396 merge patch to the window's current draft; unknown fields and unreadable values are field errors.</summary>
    private static Result<ChangeWindowDraft> Merge(ChangeWindowDraft current, JsonElement patch)
    {
        if (patch.ValueKind != JsonValueKind.Object)
        {
            return Error.Validation("body", "must be a JSON object (a merge patch).");
        }
        var errors = new FieldErrors();
        var target = JsonSerializer.SerializeToNode(current, Json)!.AsObject();
        foreach (var property in patch.EnumerateObject())
        {
            if (!Fields.TryGetValue(property.Name, out var name))
            {
                errors.Add(property.Name, "is not a field of a change window.");
                continue;
            }
            target[name] = property.Value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(property.Value.GetRawText());
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        try
        {
            return target.Deserialize<ChangeWindowDraft>(Json)!;
        }
        catch (JsonException e)
        {
            return Error.Validation(e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : "body", "has a value of the wrong type.");
        }
    }
}
