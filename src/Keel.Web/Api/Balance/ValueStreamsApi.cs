using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Application.Balance;
using Keel.Domain.Platform;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Balance;

/// <summary>The <c>?from=&amp;to=</c> of a stream's flow: dates (YYYY-MM-DD), the period [from, to).</summary>
public sealed record FlowQuery
{
    public string? From { get; init; }
    public string? To { get; init; }
}

/// <summary>
/// Value streams (<c>/api/v1/value-streams</c>, issue 8): read by IT staff and the leaders, defined by the IT leader and
/// admins; <c>/{id}/flow</c> computes the stream's flow over a period from its items' history.
/// </summary>
public static class ValueStreamsApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapValueStreamsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/value-streams").WithTags("Balance");
        group.MapGet("", List).RequireAuthorization(Policies.Improvement).WithName("ListValueStreams")
            .WithSummary("Value streams, by name (sort=name or -name), filterable with q.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Improvement).WithName("GetValueStream")
            .WithSummary("One value stream with its ordered steps and its ETag.");
        group.MapPost("", Create).RequireAuthorization(Policies.BalanceSettings).WithName("CreateValueStream")
            .WithSummary("Define a value stream: { name, description?, kind (Incident|Request|Problem|Change), serviceId?, catalogItemId? (requests), "
                + "steps: [{ name, activity (value-chain activity), start, end }] } with at least two steps of unique names; a milestone is "
                + "\"Created\" or \"Entered:<State>\" (a state of the kind's workflow). The IT leader and admins.");
        group.MapPut("/{id:guid}", Replace).RequireAuthorization(Policies.BalanceSettings).WithName("ReplaceValueStream")
            .WithSummary("Replace the whole value stream (the body of POST); If-Match required.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.BalanceSettings).WithName("UpdateValueStream")
            .WithSummary("Merge patch with If-Match: name, description, kind, serviceId, catalogItemId, steps (replaced whole).");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.BalanceSettings).WithName("DeleteValueStream")
            .WithSummary("Delete a value stream (If-Match optional); its items are untouched.");
        group.MapGet("/{id:guid}/flow", Flow).RequireAuthorization(Policies.Improvement).WithName("GetValueStreamFlow")
            .WithSummary("The stream's flow over [from, to) (dates; default the last 30 days, at most 366): lead time (median, p85) and "
                + "mean flow efficiency of the items that finished, throughput per week, work in progress at the end and on average, "
                + "and per step the median time in it and the median wait before it. Computed from the items' history.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<ValueStreamView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, ValueStreamService streams, CancellationToken ct) =>
        ApiResults.List(await streams.ListAsync(query.Q, query.Page, ct));

    private static async Task<Results<Ok<ValueStreamView>, ProblemHttpResult>> Get(Guid id, HttpContext http, ValueStreamService streams, CancellationToken ct) =>
        WithETag(http, await streams.GetAsync(id, ct), v => v.Version);

    private static async Task<Results<Created<ValueStreamView>, ProblemHttpResult>> Create(ValueStreamDraft draft, ValueStreamService streams, CancellationToken ct) =>
        Created(await streams.CreateAsync(draft, ct), v => $"/api/v1/value-streams/{v.Id}");

    private static async Task<Results<Ok<ValueStreamView>, ProblemHttpResult>> Replace(
        Guid id, ValueStreamDraft draft, HttpContext http, ValueStreamService streams, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        return version.IsSuccess
            ? WithETag(http, await streams.UpdateAsync(id, version.Value, draft, ct), v => v.Version)
            : Problem(version.Error!);
    }

    private static async Task<Results<Ok<ValueStreamView>, ProblemHttpResult>> Update(
        Guid id, JsonElement body, HttpContext http, ValueStreamService streams, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        if (!version.IsSuccess)
        {
            return Problem(version.Error!);
        }
        // The steps are an array of objects, replaced whole: read apart from the scalar fields the merge patch reads.
        var fields = body.ValueKind == JsonValueKind.Object ? JsonNode.Parse(body.GetRawText())!.AsObject() : null;
        var stepsName = fields?.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, "steps", StringComparison.OrdinalIgnoreCase));
        var stepsNode = stepsName is null ? null : fields![stepsName];
        if (stepsName is not null)
        {
            fields!.Remove(stepsName);
        }
        var patch = MergePatch.From(fields is null ? body : JsonSerializer.SerializeToElement(fields));
        if (!patch.IsSuccess)
        {
            return Problem(patch.Error!);
        }
        var p = patch.Value!;
        var name = p.String("name");
        var description = p.String("description");
        var kind = p.String("kind");
        var serviceId = p.Guid("serviceId");
        var catalogItemId = p.Guid("catalogItemId");
        var steps = stepsName is null ? null : Steps(stepsNode, p.Errors);
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        var current = await streams.GetAsync(id, ct);
        if (!current.IsSuccess)
        {
            return Problem(current.Error!);
        }
        var draft = current.Value!.ToDraft();
        draft = new ValueStreamDraft(name.Or(draft.Name), description.Or(draft.Description), kind.Or(draft.Kind),
            serviceId.Or(draft.ServiceId), catalogItemId.Or(draft.CatalogItemId), steps ?? draft.Steps);
        return WithETag(http, await streams.UpdateAsync(id, version.Value, draft, ct), v => v.Version);
    }

    private static List<ValueStreamStepDraft>? Steps(JsonNode? node, FieldErrors errors)
    {
        if (node is JsonArray array && array.All(s => s is JsonObject))
        {
            return node.Deserialize<List<ValueStreamStepDraft>>(Json);
        }
        errors.Add("steps", "must be an array of steps ({ name, activity, start, end }).");
        return null;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, HttpContext http, ValueStreamService streams, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        return version.IsSuccess ? NoContent(await streams.DeleteAsync(id, version.Value, ct)) : Problem(version.Error!);
    }

    private static async Task<Results<Ok<ValueStreamFlowView>, ProblemHttpResult>> Flow(
        Guid id, [AsParameters] FlowQuery query, ValueStreamService streams, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var from = Date(query.From, "from", errors);
        var to = Date(query.To, "to", errors);
        return errors.Any ? Problem(errors.ToError()) : Ok(await streams.FlowAsync(id, from, to, ct));
    }

    private static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(field, "must be a date (YYYY-MM-DD).");
        return null;
    }
}
