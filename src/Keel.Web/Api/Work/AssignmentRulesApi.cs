using System.Text.Json;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Work;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Work;

/// <summary>The body of <c>POST /api/v1/assignment-rules/order</c>: every rule's id, in the order the rules are tried.</summary>
public sealed record RuleOrderBody(IReadOnlyList<Guid>? Ids);

/// <summary>
/// Assignment rules: IT staff read them and test where an item would go; admins create, change, delete and order them.
/// Team leads do not write rules (the first matching rule wins across all teams, so one team's rule can take another's work).
/// </summary>
public static class AssignmentRulesApi
{
    public static IEndpointRouteBuilder MapAssignmentRulesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assignment-rules").WithTags("Work");
        group.MapGet("", ListRules).RequireAuthorization(Policies.Staff).WithName("ListAssignmentRules")
            .WithSummary("Assignment rules in the order they are tried (the first match wins); filter with q (name) or teamId; sort by order or name.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetAssignmentRule").WithSummary("One assignment rule, with its ETag.");
        group.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreateAssignmentRule")
            .WithSummary("Add a rule, tried after every existing one: { name, teamId, strategy? (Manual | RoundRobin | LeastLoaded), kind? (Incident | Request), serviceId?, category?, configurationItemId? }. An empty condition matches anything.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateAssignmentRule")
            .WithSummary("Change a rule (merge patch, If-Match required): name, kind, serviceId, category, configurationItemId, teamId, strategy.");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Admin).WithName("DeleteAssignmentRule").WithSummary("Delete a rule.");
        group.MapPost("/order", Reorder).RequireAuthorization(Policies.Admin).WithName("OrderAssignmentRules")
            .WithSummary("Set the order: { ids: [every rule's id, first tried first] }. 412 concurrency_conflict when a rule was added or deleted since the list was read.");
        group.MapPost("/test", Test).RequireAuthorization(Policies.Staff).WithName("TestAssignmentRules")
            .WithSummary("Where a new item would go now: { kind, serviceId, category?, configurationItemId? } → the winning rule and its position, team, strategy, source (Rule | DefaultIncidentTeam | ServiceTeam | …) and the agent the strategy would choose.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<AssignmentRuleView>>, ProblemHttpResult>> ListRules(
        [AsParameters] ListQuery query, Guid? teamId, AssignmentRuleService rules, CancellationToken ct) =>
        List(await rules.ListAsync(new AssignmentRuleFilter(query.Q, teamId), query.Page, ct));

    private static async Task<Results<Ok<AssignmentRuleView>, ProblemHttpResult>> Get(Guid id, HttpContext http, AssignmentRuleService rules, CancellationToken ct) =>
        WithETag(http, await rules.GetAsync(id, ct), r => r.Version);

    private static async Task<Results<Created<AssignmentRuleView>, ProblemHttpResult>> Create(AssignmentRuleDraft draft, AssignmentRuleService rules, CancellationToken ct) =>
        Created(await rules.CreateAsync(draft, ct), r => $"/api/v1/assignment-rules/{r.Id}");

    private static async Task<Results<Ok<AssignmentRuleView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, AssignmentRuleService rules, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "kind", "strategy");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var strategy = fields.Enum<AgentStrategy>("strategy");
        var patch = new AssignmentRulePatch(
            p.String("name"), fields.Enum<WorkKind>("kind"), p.Guid("serviceId"), p.String("category"), p.Guid("configurationItemId"), p.Guid("teamId"),
            strategy);
        if (strategy is { IsSet: true, Value: null })
        {
            p.Errors.Add("strategy", "cannot be null; use Manual to leave work in the team's queue.");
        }
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await rules.UpdateAsync(id, version.Value, patch, ct), r => r.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, AssignmentRuleService rules, CancellationToken ct) =>
        NoContent(await rules.DeleteAsync(id, ct));

    private static async Task<Results<Ok<ListResponse<AssignmentRuleView>>, ProblemHttpResult>> Reorder(RuleOrderBody body, AssignmentRuleService rules, CancellationToken ct) =>
        All(await rules.ReorderAsync(body.Ids, ct));

    private static async Task<Results<Ok<RouteAnswer>, ProblemHttpResult>> Test(RouteQuestion question, AssignmentRuleTester tester, CancellationToken ct) =>
        Ok(await tester.TestAsync(question, ct));
}
