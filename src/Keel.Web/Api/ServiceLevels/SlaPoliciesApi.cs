using System.Text.Json;
using Keel.Application.Platform;
using Keel.Application.ServiceLevels;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.ServiceLevels;

/// <summary>A policy as posted: every field optional; the domain's defaults fill what is left out.</summary>
public sealed record PolicyBody(
    string? Name, Agreement? Agreement, int? Order, bool? IsActive, List<WorkKind>? Kinds, Guid? ServiceId, List<int>? Priorities,
    Guid? BusinessUnitId, Guid? TeamId, Guid? CalendarId, TargetDraft? Response, TargetDraft? Resolution, List<int>? WarningPercents,
    List<HoldReason>? PauseReasons, List<WorkState>? PauseStates, List<WorkState>? StopStates, Escalation? Escalation, Guid? EscalationTeamId)
{
    public PolicyDraft ToDraft() => new(
        Set(Name), Set(Agreement), Set(Order), Set(IsActive), Set<IReadOnlyList<WorkKind>>(Kinds), Set(ServiceId), Set<IReadOnlyList<int>>(Priorities),
        Set(BusinessUnitId), Set(TeamId), Set(CalendarId), Set(Response), Set(Resolution), Set<IReadOnlyList<int>>(WarningPercents),
        Set<IReadOnlyList<HoldReason>>(PauseReasons), Set<IReadOnlyList<WorkState>>(PauseStates), Set<IReadOnlyList<WorkState>>(StopStates),
        Set(Escalation), Set(EscalationTeamId));

    private static Optional<T?> Set<T>(T? value) => value is null ? default : new Optional<T?>(true, value);
}

/// <summary>The body of <c>POST /api/v1/sla-policies/order</c>: an agreement and every one of its policies' ids, in the order they are tried.</summary>
public sealed record PolicyOrderBody(Agreement? Agreement, IReadOnlyList<Guid>? Ids);

public static class SlaPoliciesApi
{
    public static IEndpointRouteBuilder MapSlaPoliciesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sla-policies").WithTags("Service levels");
        group.MapGet("", List).RequireAuthorization(Policies.Work).WithName("ListSlaPolicies")
            .WithSummary("SLA and OLA policies in the order they are tried (the first active match wins); filter with agreement=Sla|Ola.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Work).WithName("GetSlaPolicy").WithSummary("One policy with its ETag.");
        group.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreateSlaPolicy")
            .WithSummary("Create a policy: { name, agreement: Sla|Ola, calendarId, kinds?, serviceId?, priorities?, businessUnitId?, teamId? (OLA), "
                + "response?: { amount, unit: Minutes|Hours|BusinessDays }, resolution?, warningPercents?, pauseReasons?, pauseStates?, stopStates?, escalation?, escalationTeamId?, order? }.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateSlaPolicy")
            .WithSummary("Change a policy (merge patch, If-Match required). Applies to items that start afterwards; open items change only through /recompute.");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Admin).WithName("DeleteSlaPolicy")
            .WithSummary("Delete a policy no clock was attached by (otherwise 409 policy_in_use: deactivate it).");
        group.MapPost("/order", Reorder).RequireAuthorization(Policies.Admin).WithName("OrderSlaPolicies")
            .WithSummary("Set the order of one agreement's policies: { agreement: Sla|Ola, ids: [every policy's id of that agreement, first tried first] }. "
                + "412 concurrency_conflict when a policy was added or deleted since the list was read.");
        group.MapPost("/preview", Preview).RequireAuthorization(Policies.Work).WithName("PreviewSlaPolicy")
            .WithSummary("When an example item would be due: { calendarId? or hours?, response?, resolution?, createdAt? } → due times, nothing saved.");
        group.MapPost("/recompute", Recompute).RequireAuthorization(Policies.Admin).WithName("RecomputeSlaClocks")
            .WithSummary("Move every open item onto today's policies and calendars and recompute its clocks from its history (audited).");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<PolicyView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, Agreement? agreement, PolicyService policies, CancellationToken ct) =>
        ApiResults.List(await policies.ListAsync(agreement, query.Page, ct));

    private static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> Get(Guid id, HttpContext http, PolicyService policies, CancellationToken ct) =>
        WithETag(http, await policies.GetAsync(id, ct), p => p.Version);

    private static async Task<Results<Created<PolicyView>, ProblemHttpResult>> Create(PolicyBody body, PolicyService policies, CancellationToken ct)
    {
        var result = await policies.CreateAsync(body.ToDraft(), ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/sla-policies/{result.Value!.Id}", result.Value) : Problem(result.Error!);
    }

    private static async Task<Results<Ok<PolicyView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, PolicyService policies, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "agreement", "order", "kinds", "priorities", "response", "resolution", "warningPercents",
            "pauseReasons", "pauseStates", "stopStates", "escalation");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, f) = split.Value;
        var active = p.Bool("isActive");
        var draft = new PolicyDraft(
            p.String("name"), f.Enum<Agreement>("agreement"), f.Int("order"), active.IsSet ? new Optional<bool?>(true, active.Value) : default,
            ListOf<WorkKind>(f, "kinds"), p.Guid("serviceId"), ListOf<int>(f, "priorities"), p.Guid("businessUnitId"), p.Guid("teamId"), p.Guid("calendarId"),
            f.Object<TargetDraft>("response"), f.Object<TargetDraft>("resolution"), ListOf<int>(f, "warningPercents"),
            ListOf<HoldReason>(f, "pauseReasons"), ListOf<WorkState>(f, "pauseStates"), ListOf<WorkState>(f, "stopStates"),
            f.Enum<Escalation>("escalation"), p.Guid("escalationTeamId"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await policies.UpdateAsync(id, version.Value, draft, ct), x => x.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, PolicyService policies, CancellationToken ct) =>
        NoContent(await policies.DeleteAsync(id, ct));

    private static async Task<Results<Ok<ListResponse<PolicyView>>, ProblemHttpResult>> Reorder(PolicyOrderBody body, PolicyService policies, CancellationToken ct) =>
        All(await policies.ReorderAsync(body.Agreement, body.Ids, ct));

    private static async Task<Results<Ok<PreviewView>, ProblemHttpResult>> Preview(PreviewRequest request, PolicyService policies, CancellationToken ct) =>
        Ok(await policies.PreviewAsync(request, ct));

    private static async Task<Results<Ok<RecomputeView>, ProblemHttpResult>> Recompute(PolicyService policies, CancellationToken ct) =>
        Ok(await policies.RecomputeAsync(ct));

    private static Optional<IReadOnlyList<T>?> ListOf<T>(PatchFields fields, string name)
    {
        var value = fields.Object<List<T>>(name);
        return value.IsSet ? new Optional<IReadOnlyList<T>?>(true, value.Value) : default;
    }
}
