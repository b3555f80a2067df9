using System.Text.Json;
using Keel.Application.Balance;
using Keel.Application.Platform;
using Keel.Domain.Balance;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Balance;

/// <summary>
/// Initiatives (<c>/api/v1/initiatives</c>), addressed by id or number (INI0000001): read by IT staff and leaders,
/// proposed and steered by the IT leader, admins and service owners on their own services.
/// </summary>
public static class InitiativesApi
{
    public static IEndpointRouteBuilder MapInitiativesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/initiatives").WithTags("Balance");
        group.MapGet("", List).RequireAuthorization(Policies.Improvement).WithName("ListInitiatives")
            .WithSummary("Initiatives; filter status, serviceId, category (comma-separated), q (name or number); sort number (default), name, updatedAt.");
        group.MapGet("/{id}", Get).RequireAuthorization(Policies.Improvement).WithName("GetInitiative")
            .WithSummary("One initiative (by id or INI number) with its linked work count, logged hours, ETag and the statuses the caller may move it to.");
        group.MapPost("", Create).RequireAuthorization(Policies.Improvement).WithName("CreateInitiative")
            .WithSummary("Propose an initiative: { name, description? (value hypothesis), serviceId, category (Run|Debt|Grow|Transform, default Grow), expectedOutcome?, measure?, expectedValue?, unit?, effortEstimateHours?, ownerId? }. The IT leader, admins, and service owners on their own services.");
        group.MapPatch("/{id}", Update).RequireAuthorization(Policies.Improvement).WithName("UpdateInitiative")
            .WithSummary("Merge patch with If-Match: name, description, serviceId, category, expectedOutcome, measure, expectedValue, unit, effortEstimateHours, ownerId. A new category reclassifies the linked work not set by hand.");
        group.MapPost("/{id}/transitions", Transition).RequireAuthorization(Policies.Improvement).WithName("MoveInitiative")
            .WithSummary("{ to: Approved | InProgress | Delivered | Cancelled }: Proposed → Approved → InProgress → Delivered, Cancelled from any open status; else 409 illegal_transition. If-Match optional.");
        group.MapPost("/{id}/review", Review).RequireAuthorization(Policies.Improvement).WithName("ReviewInitiative")
            .WithSummary("The benefits review of a delivered initiative: { realisedValue, reviewNotes? }; moves it to Reviewed. If-Match optional.");
        group.MapGet("/{id}/work", Work).RequireAuthorization(Policies.Improvement).WithName("ListInitiativeWork")
            .WithSummary("The work items linked to the initiative, by number, with the hours logged on each.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<InitiativeView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery list, [AsParameters] InitiativeListQuery query, InitiativeService initiatives, CancellationToken ct)
    {
        var filter = query.ToFilter();
        return filter.IsSuccess ? ApiResults.List(await initiatives.ListAsync(filter.Value!, list.Q, list.Page, ct)) : Problem(filter.Error!);
    }

    private static async Task<Results<Ok<InitiativeView>, ProblemHttpResult>> Get(string id, HttpContext http, InitiativeService initiatives, CancellationToken ct) =>
        WithETag(http, await initiatives.GetAsync(id, ct), i => i.Version);

    private static async Task<Results<Created<InitiativeView>, ProblemHttpResult>> Create(InitiativeDraft draft, InitiativeService initiatives, CancellationToken ct) =>
        Created(await initiatives.CreateAsync(draft, ct), i => $"/api/v1/initiatives/{i.Number}");

    private static async Task<Results<Ok<InitiativeView>, ProblemHttpResult>> Update(string id, JsonElement body, HttpContext http, InitiativeService initiatives, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "category", "expectedValue", "effortEstimateHours");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, f) = split.Value;
        var expected = f.Decimal("expectedValue");
        var patch = new InitiativePatch(
            p.String("name"), p.String("description"), p.Guid("serviceId"), f.Enum<InvestmentCategory>("category"), p.String("expectedOutcome"),
            p.String("measure"), expected.IsSet ? new Optional<double?>(true, (double?)expected.Value) : default, p.String("unit"),
            f.Int("effortEstimateHours"), p.Guid("ownerId"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await initiatives.UpdateAsync(id, version.Value, patch, ct), i => i.Version);
    }

    private static async Task<Results<Ok<InitiativeView>, ProblemHttpResult>> Transition(
        string id, InitiativeTransitionBody body, HttpContext http, InitiativeService initiatives, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        return version.IsSuccess ? WithETag(http, await initiatives.TransitionAsync(id, version.Value, body.To, ct), i => i.Version) : Problem(version.Error!);
    }

    private static async Task<Results<Ok<InitiativeView>, ProblemHttpResult>> Review(
        string id, InitiativeReviewDraft draft, HttpContext http, InitiativeService initiatives, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        return version.IsSuccess ? WithETag(http, await initiatives.ReviewAsync(id, version.Value, draft, ct), i => i.Version) : Problem(version.Error!);
    }

    private static async Task<Results<Ok<ListResponse<InitiativeWorkView>>, ProblemHttpResult>> Work(
        string id, [AsParameters] ListQuery list, InitiativeService initiatives, CancellationToken ct) =>
        ApiResults.List(await initiatives.WorkAsync(id, list.Page, ct));
}
