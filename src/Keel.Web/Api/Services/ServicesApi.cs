using System.Text.Json;
using Keel.Application.Platform;
using Keel.Application.Platform.Audit;
using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Services;

public static class ServicesApi
{
    public static IEndpointRouteBuilder MapServicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/services").WithTags("Services");
        group.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithName("ListServices")
            .WithSummary("The portfolio; filter with q, lifecycle (comma-separated), ownerId, teamId. A requester gets only the live services offered to their business unit, with name, description and catalogue items.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetService")
            .WithSummary("One service with its ETag: with consumers' shares, outcomes and costs for those who read costs, without any cost field for other staff, the portal view for requesters.");
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.Staff).WithName("GetServiceHistory")
            .WithSummary("Changes to the service record itself (name, owner, lifecycle…); cost records keep their history out of this view.");
        group.MapPost("", Create).RequireAuthorization(Policies.ServiceEditors).WithName("CreateService").WithSummary("Create a service (in the pipeline).");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.ServiceEditors).WithName("UpdateService")
            .WithSummary("Change name, description, ownerId, deliveringTeamId, criticality, surveySampleRate (0–1) or experienceTarget (0–100) (merge patch, If-Match required). Lifecycle moves through /transitions.");
        group.MapPost("/{id:guid}/transitions", Transition).RequireAuthorization(Policies.ServiceEditors).WithName("TransitionService")
            .WithSummary("Move the lifecycle: { \"to\": \"Live\" | \"Retired\" | \"Pipeline\", \"confirm\"? }. Retiring with open work needs confirm: true.");

        group.MapGet("/{id:guid}/consumers", Consumers).RequireAuthorization(Policies.ServiceCosts).WithName("ListServiceConsumers").WithSummary("Consuming business units with their allocation basis and share.");
        group.MapPost("/{id:guid}/consumers", AddConsumer).RequireAuthorization(Policies.ServiceEditors).WithName("AddServiceConsumer").WithSummary("Add a consuming business unit.");
        group.MapPatch("/{id:guid}/consumers/{consumerId:guid}", UpdateConsumer).RequireAuthorization(Policies.ServiceEditors).WithName("UpdateServiceConsumer").WithSummary("Change basis or share (merge patch, If-Match with the consumer's version).");
        group.MapDelete("/{id:guid}/consumers/{consumerId:guid}", RemoveConsumer).RequireAuthorization(Policies.ServiceEditors).WithName("RemoveServiceConsumer").WithSummary("Remove a consumer.");
        group.MapGet("/{id:guid}/outcomes", Outcomes).RequireAuthorization(Policies.ServiceCosts).WithName("ListServiceOutcomes").WithSummary("The business outcomes the service enables, with yearly value and contribution.");
        group.MapPost("/{id:guid}/outcomes", AddOutcome).RequireAuthorization(Policies.ServiceEditors).WithName("AddServiceOutcome").WithSummary("Add a business outcome.");
        group.MapPatch("/{id:guid}/outcomes/{outcomeId:guid}", UpdateOutcome).RequireAuthorization(Policies.ServiceEditors).WithName("UpdateServiceOutcome").WithSummary("Change an outcome (merge patch, If-Match with the outcome's version).");
        group.MapDelete("/{id:guid}/outcomes/{outcomeId:guid}", RemoveOutcome).RequireAuthorization(Policies.ServiceEditors).WithName("RemoveServiceOutcome").WithSummary("Remove a business outcome.");
        group.MapGet("/{id:guid}/cost-items", CostItems).RequireAuthorization(Policies.ServiceCosts).WithName("ListServiceCostItems").WithSummary("Fixed monthly costs of the service.");
        group.MapPost("/{id:guid}/cost-items", AddCostItem).RequireAuthorization(Policies.ServiceEditors).WithName("AddServiceCostItem").WithSummary("Add a fixed monthly cost.");
        group.MapPatch("/{id:guid}/cost-items/{costItemId:guid}", UpdateCostItem).RequireAuthorization(Policies.ServiceEditors).WithName("UpdateServiceCostItem").WithSummary("Change a cost item (merge patch, If-Match with the item's version).");
        group.MapDelete("/{id:guid}/cost-items/{costItemId:guid}", RemoveCostItem).RequireAuthorization(Policies.ServiceEditors).WithName("RemoveServiceCostItem").WithSummary("Remove a cost item.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<ServiceView>>, Ok<ListResponse<PortalServiceView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, string? lifecycle, Guid? ownerId, Guid? teamId, ICurrentUser user, PortfolioService portfolio, CancellationToken ct)
    {
        if (ServiceAccess.AudienceOf(user) == ServiceAudience.Portal)
        {
            var portal = await portfolio.ListPortalAsync(query.Q, query.Page, ct);
            return portal.IsSuccess ? TypedResults.Ok(ListResponse<PortalServiceView>.From(portal.Value!)) : ApiResults.Problem(portal.Error!);
        }
        var lifecycles = new List<ServiceLifecycle>();
        foreach (var part in (lifecycle ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<ServiceLifecycle>(part, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiResults.Problem(Error.Validation("lifecycle", "must be Pipeline, Live or Retired (comma-separated for several)."));
            }
            lifecycles.Add(parsed);
        }
        var result = await portfolio.ListAsync(new ServiceFilter(query.Q, lifecycles, ownerId, teamId), query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<ServiceView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<ServiceFinanceView>, Ok<ServiceView>, Ok<PortalServiceView>, ProblemHttpResult>> Get(
        Guid id, HttpContext http, ICurrentUser user, PortfolioService portfolio, CancellationToken ct)
    {
        switch (ServiceAccess.AudienceOf(user))
        {
            case ServiceAudience.Finance:
                var finance = await portfolio.GetFinanceAsync(id, ct);
                if (!finance.IsSuccess)
                {
                    return ApiResults.Problem(finance.Error!);
                }
                ETags.Set(http, finance.Value!.Version);
                return TypedResults.Ok(finance.Value);
            case ServiceAudience.Staff:
                var staff = await portfolio.GetAsync(id, ct);
                if (!staff.IsSuccess)
                {
                    return ApiResults.Problem(staff.Error!);
                }
                ETags.Set(http, staff.Value!.Version);
                return TypedResults.Ok(staff.Value);
            case ServiceAudience.Portal:
                var portal = await portfolio.GetPortalAsync(id, ct);
                return portal.IsSuccess ? TypedResults.Ok(portal.Value) : ApiResults.Problem(portal.Error!);
            default:
                return ApiResults.Problem(Error.NotFound("The service"));
        }
    }

    private static async Task<Results<Ok<ListResponse<AuditView>>, ProblemHttpResult>> History(
        Guid id, [AsParameters] ListQuery query, PortfolioService portfolio, AuditService audit, CancellationToken ct)
    {
        var service = await portfolio.GetAsync(id, ct);
        if (!service.IsSuccess)
        {
            return ApiResults.Problem(service.Error!);
        }
        // Only the Service entity's own lines: consumers' shares, outcomes and cost items are other entity types.
        return ApiResults.List(await audit.HistoryAsync(nameof(Service), id, query.Page, ct));
    }

    private static async Task<Results<Created<ServiceFinanceView>, ProblemHttpResult>> Create(ServiceDraft draft, PortfolioService portfolio, CancellationToken ct)
    {
        var result = await portfolio.CreateAsync(draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/services/{result.Value!.Id}", result.Value) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<ServiceFinanceView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, PortfolioService portfolio, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "criticality", "surveySampleRate", "experienceTarget");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return ApiResults.Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var changes = new ServicePatch(p.String("name"), p.String("description"), p.Guid("ownerId"), p.Guid("deliveringTeamId"), fields.Int("criticality"),
            fields.Decimal("surveySampleRate"), fields.Int("experienceTarget"));
        if (p.Finish() is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }
        return WithETag(http, await portfolio.UpdateAsync(id, version.Value, changes, ct), s => s.Version);
    }

    private static async Task<Results<Ok<ServiceFinanceView>, ProblemHttpResult>> Transition(
        Guid id, ServiceTransition transition, HttpContext http, PortfolioService portfolio, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        return version.IsSuccess
            ? WithETag(http, await portfolio.TransitionAsync(id, version.Value, transition, ct), s => s.Version)
            : ApiResults.Problem(version.Error!);
    }

    private static async Task<Results<Ok<ListResponse<ConsumerView>>, ProblemHttpResult>> Consumers(Guid id, ServicePartsService parts, CancellationToken ct) =>
        All(await parts.ConsumersAsync(id, ct));

    private static async Task<Results<Created<ConsumerView>, ProblemHttpResult>> AddConsumer(Guid id, ConsumerDraft draft, ServicePartsService parts, CancellationToken ct) =>
        Created(await parts.AddConsumerAsync(id, draft, ct), c => $"/api/v1/services/{id}/consumers/{c.Id}");

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveConsumer(Guid id, Guid consumerId, ServicePartsService parts, CancellationToken ct) =>
        NoContent(await parts.RemoveConsumerAsync(id, consumerId, ct));

    private static async Task<Results<Ok<ListResponse<OutcomeView>>, ProblemHttpResult>> Outcomes(Guid id, ServicePartsService parts, CancellationToken ct) =>
        All(await parts.OutcomesAsync(id, ct));

    private static async Task<Results<Created<OutcomeView>, ProblemHttpResult>> AddOutcome(Guid id, OutcomeDraft draft, ServicePartsService parts, CancellationToken ct) =>
        Created(await parts.AddOutcomeAsync(id, draft, ct), o => $"/api/v1/services/{id}/outcomes/{o.Id}");

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveOutcome(Guid id, Guid outcomeId, ServicePartsService parts, CancellationToken ct) =>
        NoContent(await parts.RemoveOutcomeAsync(id, outcomeId, ct));

    private static async Task<Results<Ok<ListResponse<CostItemView>>, ProblemHttpResult>> CostItems(Guid id, ServicePartsService parts, CancellationToken ct) =>
        All(await parts.CostItemsAsync(id, ct));

    private static async Task<Results<Created<CostItemView>, ProblemHttpResult>> AddCostItem(Guid id, CostItemDraft draft, ServicePartsService parts, CancellationToken ct) =>
        Created(await parts.AddCostItemAsync(id, draft, ct), c => $"/api/v1/services/{id}/cost-items/{c.Id}");

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveCostItem(Guid id, Guid costItemId, ServicePartsService parts, CancellationToken ct) =>
        NoContent(await parts.RemoveCostItemAsync(id, costItemId, ct));

    private static async Task<Results<Ok<ConsumerView>, ProblemHttpResult>> UpdateConsumer(
        Guid id, Guid consumerId, JsonElement body, HttpContext http, ServicePartsService parts, CancellationToken ct) =>
        await PatchPart(http, body, ["basis", "share"], (p, f) => new ConsumerPatch(f.Enum<AllocationBasis>("basis"), f.Decimal("share")),
            (version, patch) => parts.UpdateConsumerAsync(id, consumerId, version, patch, ct), c => c.Version);

    private static async Task<Results<Ok<OutcomeView>, ProblemHttpResult>> UpdateOutcome(
        Guid id, Guid outcomeId, JsonElement body, HttpContext http, ServicePartsService parts, CancellationToken ct) =>
        await PatchPart(http, body, ["yearlyValue", "basis", "contribution"], (p, f) => new OutcomePatch(p.String("name"), p.Guid("businessUnitId"),
                f.Object<MoneyDraft>("yearlyValue"), f.Enum<OutcomeBasis>("basis"), f.Decimal("contribution")),
            (version, patch) => parts.UpdateOutcomeAsync(id, outcomeId, version, patch, ct), o => o.Version);

    private static async Task<Results<Ok<CostItemView>, ProblemHttpResult>> UpdateCostItem(
        Guid id, Guid costItemId, JsonElement body, HttpContext http, ServicePartsService parts, CancellationToken ct) =>
        await PatchPart(http, body, ["category", "monthly"], (p, f) => new CostItemPatch(p.String("name"), f.Enum<CostCategory>("category"), f.Object<MoneyDraft>("monthly")),
            (version, patch) => parts.UpdateCostItemAsync(id, costItemId, version, patch, ct), c => c.Version);

    private static async Task<Results<Ok<TView>, ProblemHttpResult>> PatchPart<TPatch, TView>(
        HttpContext http, JsonElement body, string[] own, Func<MergePatch, PatchFields, TPatch> read,
        Func<long, TPatch, Task<Result<TView>>> update, Func<TView, long> version)
    {
        var expected = ETags.Required(http.Request);
        var split = PatchFields.From(body, own);
        if (!split.IsSuccess || !expected.IsSuccess)
        {
            return ApiResults.Problem((expected.Error ?? split.Error)!);
        }
        var patch = read(split.Value.Patch, split.Value.Fields);
        if (split.Value.Patch.Finish() is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }
        return WithETag(http, await update(expected.Value, patch), version);
    }
}
