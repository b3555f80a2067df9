using System.Text.Json;
using Keel.Application.Platform;
using Keel.Application.ServiceLevels;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Work;

/// <summary>The body of <c>POST /{kind}/{number}/transitions</c>: the target state and the fields that move needs.</summary>
public sealed record TransitionBody(WorkState? To, HoldReason? HoldReason, ResolutionCode? ResolutionCode, string? ResolutionNote, string? Reason);

/// <summary>
/// Incidents, requests and tasks share one set of endpoints per kind (API.md "Work item essentials"): list, read,
/// change, move, and the conversation, time and history under each item. Visibility is the use cases' job:
/// requesters reach only their own items, and internal lines never leave the server for them.
/// </summary>
/// <summary>Which of the per-record endpoints <see cref="WorkApi.MapKind"/> maps for a kind.</summary>
internal enum ItemEndpoints
{
    /// <summary>List, read and patch.</summary>
    All,
    /// <summary>The list only: the kind maps its own read and patch.</summary>
    ListOnly,
    /// <summary>None: the kind maps its own list, read and patch.</summary>
    None,
}

public static class WorkApi
{
    public static IEndpointRouteBuilder MapWorkApi(this IEndpointRouteBuilder app)
    {
        var incidents = MapKind(app, WorkKind.Incident, Policies.SignedIn);
        incidents.MapPost("", CreateIncident).RequireAuthorization(Policies.SignedIn).WithName("CreateIncident")
            .WithSummary("Raise an incident: { title, description?, serviceId, configurationItemId?, requester? (user name; staff only), impact 1..3, urgency 1..3, category?, parent? (INC number) }.");
        incidents.MapPost("/{number}/merge", Merge).RequireAuthorization(Policies.Staff).WithName("MergeIncident")
            .WithSummary("Merge this duplicate into its original: { into: \"INC…\" }. The conversation is copied, the duplicate's requester follows the original, the duplicate is resolved as a duplicate.");
        MajorIncidentsApi.MapMajorIncidentParts(incidents);
        var requests = MapKind(app, WorkKind.Request, Policies.SignedIn);
        requests.MapPost("", CreateRequest).RequireAuthorization(Policies.SignedIn).WithName("CreateRequest")
            .WithSummary("Raise a catalogue request: { catalogItemId, answers: { fieldKey: value }, requestedFor? (user name; staff only) }. The answers are checked against the item's form.");
        MapKind(app, WorkKind.Task, Policies.Staff);

        var settings = app.MapGroup("/api/v1/work-settings").WithTags("Work");
        settings.MapGet("", GetSettings).RequireAuthorization(Policies.Staff).WithName("GetWorkSettings")
            .WithSummary("The priority matrix (9 cells, impact rows × urgency columns), the reopen window and automatic closing in days, the default incident team.");
        settings.MapPatch("", UpdateSettings).RequireAuthorization(Policies.Admin).WithName("UpdateWorkSettings")
            .WithSummary("Change the desk's settings (merge patch, If-Match): priorityMatrix, reopenWindowDays, autoCloseAfterDays, defaultIncidentTeamId.");
        return app;
    }

    /// <summary>
    /// The endpoints every kind shares. <paramref name="items"/> leaves out the read and patch of one record (problems add
    /// their fields to both) or also the list (changes list with their own filters), for a kind whose own API maps them.
    /// </summary>
    internal static RouteGroupBuilder MapKind(IEndpointRouteBuilder app, WorkKind kind, string readPolicy, ItemEndpoints items = ItemEndpoints.All)
    {
        var path = WorkNumber.ResourceOf(kind);
        var group = app.MapGroup($"/api/v1/{path}").WithTags("Work");
        var name = kind.ToString();
        if (items != ItemEndpoints.None)
        {
            MapItem(group, kind, name, readPolicy, items == ItemEndpoints.All);
        }
        MapShared(group, kind, path, name, readPolicy);
        return group;
    }

    private static void MapItem(RouteGroupBuilder group, WorkKind kind, string name, string readPolicy, bool readAndPatch)
    {
        group.MapGet("", ([AsParameters] ListQuery list, [AsParameters] WorkListQuery filter, ICurrentUser user, WorkItemService work, CancellationToken ct) =>
                ListAsync(kind, list, filter, user, work, ct))
            .RequireAuthorization(readPolicy).WithName($"List{name}s")
            .WithSummary($"{name}s the caller may see; filter by state, priority, service, team, assignee, requester (ids, comma-separated; 'me'), unassigned, major, createdFrom/createdTo, updatedFrom/updatedTo, sla (Breached, Soon, Running, Paused, Met, Cancelled: the worst of the item's clocks); q searches title and description (every word, as a prefix); sort by number, createdAt, updatedAt, priority, title, dueAt (time to breach).");
        if (readAndPatch)
        {
            group.MapGet("/{number}", (string number, HttpContext http, WorkItemService work, CancellationToken ct) => GetAsync(kind, number, http, work, ct))
                .RequireAuthorization(readPolicy).WithName($"Get{name}").WithSummary($"One {kind.ToString().ToLowerInvariant()} by number, with its ETag and the states the caller may move it to.");
            group.MapPatch("/{number}", (string number, JsonElement body, HttpContext http, WorkItemService work, CancellationToken ct) => UpdateAsync(kind, number, body, http, work, ct))
                .RequireAuthorization(Policies.Staff).WithName($"Update{name}")
                .WithSummary("Merge patch with If-Match: title, description, impact, urgency, category, configurationItemId, team, assignee (ids), isMajor, investmentCategory.");
        }
    }

    private static void MapShared(RouteGroupBuilder group, WorkKind kind, string path, string name, string readPolicy)
    {
        group.MapPost("/{number}/transitions", (string number, TransitionBody body, HttpContext http, WorkItemService work, CancellationToken ct) => TransitionAsync(kind, number, body, http, work, ct))
            .RequireAuthorization(readPolicy).WithName($"Transition{name}")
            .WithSummary("Move to another state: { to, holdReason? (OnHold), resolutionCode? and resolutionNote? (Resolved), reason? }. 409 illegal_transition names the allowed states; If-Match optional.");
        group.MapGet("/{number}/comments", (string number, [AsParameters] ListQuery list, ConversationService conversation, CancellationToken ct) =>
                CommentsAsync(kind, number, list, conversation, ct))
            .RequireAuthorization(readPolicy).WithName($"List{name}Comments").WithSummary("The conversation, oldest first; requesters never see internal notes.");
        group.MapPost("/{number}/comments", (string number, CommentDraft draft, ConversationService conversation, CancellationToken ct) =>
                AddCommentAsync(kind, path, number, draft, conversation, ct))
            .RequireAuthorization(readPolicy).WithName($"Add{name}Comment").WithSummary("Reply ({ body }) or, for IT staff, add an internal note ({ body, internal: true }). Markdown.");
        group.MapGet("/{number}/work-logs", (string number, [AsParameters] ListQuery list, ConversationService conversation, CancellationToken ct) =>
                WorkLogsAsync(kind, number, list, conversation, ct))
            .RequireAuthorization(Policies.Staff).WithName($"List{name}WorkLogs").WithSummary("Time logged on the item.");
        group.MapPost("/{number}/work-logs", (string number, WorkLogDraft draft, ConversationService conversation, CancellationToken ct) =>
                AddWorkLogAsync(kind, path, number, draft, conversation, ct))
            .RequireAuthorization(Policies.Staff).WithName($"Add{name}WorkLog").WithSummary("Log time: { minutes, date? (default today), note? }.");
        group.MapGet("/{number}/history", (string number, [AsParameters] ListQuery list, ConversationService conversation, CancellationToken ct) =>
                HistoryAsync(kind, number, list, conversation, ct))
            .RequireAuthorization(readPolicy).WithName($"Get{name}History").WithSummary("Every change with its time and actor, oldest first; requesters see only the public lines.");
        WorkPartsApi.MapParts(group, kind, path, readPolicy);
        group.MapGet("/{number}/sla", async (string number, SlaService sla, CancellationToken ct) => All(await sla.ClocksAsync(kind, number, ct)))
            .RequireAuthorization(readPolicy).WithName($"Get{name}Sla")
            .WithSummary("Every service-level clock of the item as it stands now (not paged): target, due time, elapsed and remaining business minutes, warning, pauses.");
    }

    private static async Task<Results<Ok<ListResponse<WorkItemView>>, ProblemHttpResult>> ListAsync(
        WorkKind kind, ListQuery list, WorkListQuery query, ICurrentUser user, WorkItemService work, CancellationToken ct)
    {
        var filter = query.ToFilter(user);
        return filter.IsSuccess ? List(await work.ListAsync(kind, filter.Value! with { Q = list.Q }, list.Page, ct)) : Problem(filter.Error!);
    }

    private static async Task<Results<Ok<WorkItemView>, ProblemHttpResult>> GetAsync(WorkKind kind, string number, HttpContext http, WorkItemService work, CancellationToken ct) =>
        WithETag(http, await work.GetAsync(kind, number, ct), w => w.Version);

    private static async Task<Results<Ok<WorkItemView>, ProblemHttpResult>> UpdateAsync(
        WorkKind kind, string number, JsonElement body, HttpContext http, WorkItemService work, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "impact", "urgency", "isMajor", "investmentCategory");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var major = fields.Json("isMajor");
        if (major.IsSet && major.Value is { } m && m.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            p.Errors.Add("isMajor", "must be true or false.");
        }
        var patch = new WorkPatch(
            p.String("title"), p.String("description"), fields.Int("impact"), fields.Int("urgency"), p.String("category"),
            p.Guid("configurationItemId"), p.Guid("team"), p.Guid("assignee"),
            major.IsSet ? new Optional<bool?>(true, major.Value?.ValueKind == JsonValueKind.True) : default,
            fields.Enum<InvestmentCategory>("investmentCategory"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await work.UpdateAsync(kind, number, version.Value, patch, ct), w => w.Version);
    }

    private static async Task<Results<Ok<WorkItemView>, ProblemHttpResult>> TransitionAsync(
        WorkKind kind, string number, TransitionBody body, HttpContext http, WorkItemService work, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        if (!version.IsSuccess)
        {
            return Problem(version.Error!);
        }
        if (body.To is not { } to)
        {
            return Problem(Error.Validation("to", "is required: the state to move to."));
        }
        var request = new TransitionRequest(to, body.HoldReason, body.ResolutionCode, body.ResolutionNote, body.Reason);
        return WithETag(http, await work.TransitionAsync(kind, number, version.Value, request, ct), w => w.Version);
    }

    private static async Task<Results<Ok<ListResponse<CommentView>>, ProblemHttpResult>> CommentsAsync(
        WorkKind kind, string number, ListQuery list, ConversationService conversation, CancellationToken ct) =>
        List(await conversation.CommentsAsync(kind, number, list.Page, ct));

    private static async Task<Results<Created<CommentView>, ProblemHttpResult>> AddCommentAsync(
        WorkKind kind, string path, string number, CommentDraft draft, ConversationService conversation, CancellationToken ct) =>
        Created(await conversation.AddCommentAsync(kind, number, draft, ct), c => $"/api/v1/{path}/{number.ToUpperInvariant()}/comments/{c.Id}");

    private static async Task<Results<Ok<ListResponse<WorkLogView>>, ProblemHttpResult>> WorkLogsAsync(
        WorkKind kind, string number, ListQuery list, ConversationService conversation, CancellationToken ct) =>
        List(await conversation.WorkLogsAsync(kind, number, list.Page, ct));

    private static async Task<Results<Created<WorkLogView>, ProblemHttpResult>> AddWorkLogAsync(
        WorkKind kind, string path, string number, WorkLogDraft draft, ConversationService conversation, CancellationToken ct) =>
        Created(await conversation.AddWorkLogAsync(kind, number, draft, ct), l => $"/api/v1/{path}/{number.ToUpperInvariant()}/work-logs/{l.Id}");

    private static async Task<Results<Ok<ListResponse<HistoryView>>, ProblemHttpResult>> HistoryAsync(
        WorkKind kind, string number, ListQuery list, ConversationService conversation, CancellationToken ct) =>
        List(await conversation.HistoryAsync(kind, number, list.Page, ct));

    private static async Task<Results<Created<WorkItemView>, ProblemHttpResult>> CreateIncident(IncidentDraft draft, IncidentService incidents, CancellationToken ct) =>
        Created(await incidents.CreateAsync(draft, ct), w => $"/api/v1/incidents/{w.Number}");

    private static async Task<Results<Ok<WorkItemView>, ProblemHttpResult>> Merge(string number, MergeDraft draft, HttpContext http, MergeService merges, CancellationToken ct) =>
        WithETag(http, await merges.MergeAsync(number, draft, ct), w => w.Version);

    private static async Task<Results<Created<WorkItemView>, ProblemHttpResult>> CreateRequest(RequestDraft draft, RequestService requests, CancellationToken ct) =>
        Created(await requests.CreateAsync(draft, ct), w => $"/api/v1/requests/{w.Number}");

    private static async Task<Results<Ok<WorkSettingsView>, ProblemHttpResult>> GetSettings(HttpContext http, WorkSettingsService settings, CancellationToken ct) =>
        WithETag(http, await settings.GetAsync(ct), s => s.Version);

    private static async Task<Results<Ok<WorkSettingsView>, ProblemHttpResult>> UpdateSettings(JsonElement body, HttpContext http, WorkSettingsService settings, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "priorityMatrix", "reopenWindowDays", "autoCloseAfterDays");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var matrix = fields.Object<List<int>>("priorityMatrix");
        var patch = new WorkSettingsPatch(
            matrix.IsSet ? new Optional<IReadOnlyList<int>?>(true, matrix.Value) : default,
            Days(fields.Decimal("reopenWindowDays")), Days(fields.Decimal("autoCloseAfterDays")), p.Guid("defaultIncidentTeamId"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await settings.UpdateAsync(version.Value, patch, ct), s => s.Version);
    }

    private static Optional<double?> Days(Optional<decimal?> days) => days.IsSet ? new Optional<double?>(true, (double?)days.Value) : default;
}
