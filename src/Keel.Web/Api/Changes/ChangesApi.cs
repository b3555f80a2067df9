using System.Globalization;
using System.Text.Json;
using Keel.Application.Changes;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Keel.Web.Api.Services;
using Keel.Web.Api.Work;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Changes;

/// <summary>The change filters beside the work filters: type and risk (comma-separated names).</summary>
public sealed record ChangeListQuery
{
    public string? Type { get; init; }
    public string? Risk { get; init; }
}

/// <summary>
/// Changes (issue 6): raise, read, list, edit the plans, schedule, targets, answers and review; the stats of closed
/// changes. Moves, comments, history, links and files are the work endpoints every kind shares (WorkApi).
/// </summary>
public static class ChangesApi
{
    private static readonly string[] PatchOwnFields = ["plannedStart", "plannedEnd", "configurationItemIds", "serviceIds", "riskAnswers", "reviewOutcome"];

    public static IEndpointRouteBuilder MapChangesApi(this IEndpointRouteBuilder app)
    {
        var group = WorkApi.MapKind(app, WorkKind.Change, Policies.Changes, ItemEndpoints.None).WithTags("Changes");
        group.MapGet("", List).RequireAuthorization(Policies.Changes).WithName("ListChanges")
            .WithSummary("Changes; filter by state, type (Standard, Normal, Emergency), risk (Low, Medium, High), service, team, assignee, requester; q searches title and description; sort by number, createdAt, updatedAt, title.");
        group.MapPost("", Create).RequireAuthorization(Policies.Changes).WithName("CreateChange")
            .WithSummary("Raise a change: { title, description?, serviceId, type: Standard|Normal|Emergency, templateId? (required for Standard; its plans are copied), reason, implementationPlan, backoutPlan, testPlan, plannedStart?, plannedEnd?, configurationItemIds?, serviceIds?, riskAnswers? { question: answer }, team?, assignee? }. The services the CIs impact are added as targets and the risk is assessed.");
        group.MapGet("/stats", Stats).RequireAuthorization(Policies.Changes).WithName("GetChangeStats")
            .WithSummary("Changes closed after review in [from, to) per team or service (groupBy=team|service): closed, successful, successRate, emergency, emergencyRatio, with the total.");
        group.MapGet("/{number}", Get).RequireAuthorization(Policies.Changes).WithName("GetChange")
            .WithSummary("One change with its ETag: the work item, type, plans, schedule, targets (CIs and services, fromImpact), risk with its explanation, approvals, review and the incidents it caused.");
        group.MapPatch("/{number}", Update).RequireAuthorization(Policies.Changes).WithName("UpdateChange")
            .WithSummary("Merge patch with If-Match: title, description, reason, implementationPlan, backoutPlan, testPlan, plannedStart, plannedEnd, configurationItemIds, serviceIds, riskAnswers (while Draft or Assess); team, assignee; reviewOutcome, reviewNote (in Review). Answers, targets and team re-assess the risk.");
        app.MapGet("/api/v1/change-templates", Templates).RequireAuthorization(Policies.Changes).WithTags("Changes").WithName("ListChangeTemplates")
            .WithSummary("The active standard change templates (pre-approved recipes) with their plans; not paged (at most 500).");
        app.MapGet("/api/v1/change-risk-questions", () => TypedResults.Ok(ChangeRisk.Questions)).RequireAuthorization(Policies.Changes).WithTags("Changes")
            .WithName("ListChangeRiskQuestions").WithSummary("The risk questionnaire: each question's key and text, and its answers with their points.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<ChangeRow>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery list, [AsParameters] WorkListQuery filter, [AsParameters] ChangeListQuery change, ICurrentUser user, ChangeService changes, CancellationToken ct)
    {
        var work = filter.ToFilter(user);
        var errors = new FieldErrors();
        var types = Names<ChangeType>("type", change.Type, errors);
        var risks = Names<RiskLevel>("risk", change.Risk, errors);
        if (!work.IsSuccess || errors.Any)
        {
            return Problem(work.Error ?? errors.ToError());
        }
        return ApiResults.List(await changes.ListAsync(work.Value! with { Q = list.Q }, new ChangeFilter(types, risks), list.Page, ct));
    }

    private static async Task<Results<Created<ChangeView>, ProblemHttpResult>> Create(ChangeDraft draft, ChangeService changes, CancellationToken ct) =>
        Created(await changes.CreateAsync(draft, ct), c => $"/api/v1/changes/{c.Item.Number}");

    private static async Task<Results<Ok<ChangeView>, ProblemHttpResult>> Get(string number, HttpContext http, ChangeService changes, CancellationToken ct) =>
        WithETag(http, await changes.GetAsync(number, ct), c => c.Version);

    private static async Task<Results<Ok<ChangeView>, ProblemHttpResult>> Update(string number, JsonElement body, HttpContext http, ChangeService changes, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, PatchOwnFields);
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var answers = fields.Strings("riskAnswers");
        var patch = new ChangePatch(
            p.String("title"), p.String("description"), p.String("reason"), p.String("implementationPlan"), p.String("backoutPlan"), p.String("testPlan"),
            Time(fields, "plannedStart", p.Errors), Time(fields, "plannedEnd", p.Errors), fields.Guids("configurationItemIds"), fields.Guids("serviceIds"),
            answers.IsSet ? new Optional<IReadOnlyDictionary<string, string>?>(true, answers.Value) : default,
            p.Guid("team"), p.Guid("assignee"), fields.Enum<ReviewOutcome>("reviewOutcome"), p.String("reviewNote"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await changes.UpdateAsync(number, version.Value, patch, ct), c => c.Version);
    }

    private static async Task<Results<Ok<ChangeStatsView>, ProblemHttpResult>> Stats(DateTime? from, DateTime? to, string? groupBy, ChangeStatsService stats, CancellationToken ct)
    {
        if (groupBy is not null && WorkFilterValues.Name<ChangeStatsGroup>(groupBy) is null)
        {
            return Problem(Error.Validation("groupBy", "must be team or service."));
        }
        var group = groupBy is null ? ChangeStatsGroup.Team : WorkFilterValues.Name<ChangeStatsGroup>(groupBy)!.Value;
        return Ok(await stats.GetAsync(from, to, group, ct));
    }

    private static async Task<Results<Ok<ListResponse<ChangeTemplateView>>, ProblemHttpResult>> Templates(ChangeTemplateService templates, CancellationToken ct) =>
        All(await templates.ActiveAsync(ct));

    /// <summary>An ISO 8601 time (UTC, or with an offset), or null to clear it.</summary>
    private static Optional<DateTime?> Time(PatchFields fields, string name, FieldErrors errors)
    {
        var value = fields.Json(name);
        if (!value.IsSet || value.Value is null)
        {
            return value.IsSet ? new Optional<DateTime?>(true, null) : default;
        }
        if (value.Value.Value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.Value.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return new Optional<DateTime?>(true, time.UtcDateTime);
        }
        errors.Add(name, "must be an ISO 8601 time.");
        return default;
    }

    private static List<T>? Names<T>(string name, string? text, FieldErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var values = WorkFilterValues.Split(text).Select(WorkFilterValues.Name<T>).ToList();
        if (values.Any(v => v is null))
        {
            errors.Add(name, $"must be {string.Join(", ", Enum.GetNames<T>())}, comma-separated.");
            return null;
        }
        return values.Select(v => v!.Value).ToList();
    }
}
