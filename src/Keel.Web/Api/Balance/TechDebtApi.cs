using System.Text.Json;
using Keel.Application.Balance;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Balance;

/// <summary>The register's filters: <c>service</c>, <c>status</c>, <c>risk</c>, each comma-separated for several.</summary>
public sealed record DebtListQuery
{
    public string? Service { get; init; }
    public string? Status { get; init; }
    public string? Risk { get; init; }

    public Result<DebtFilter> Filter()
    {
        var errors = new FieldErrors();
        var services = Parse(Service, "service", "must be service ids (comma-separated for several).", s => Guid.TryParse(s, out var g) ? g : (Guid?)null, errors);
        var statuses = Parse(Status, "status", "must be " + string.Join(", ", Enum.GetNames<DebtStatus>()) + " (comma-separated for several).", EnumOf<DebtStatus>, errors);
        var risks = Parse(Risk, "risk", "must be " + string.Join(", ", Enum.GetNames<DebtRisk>()) + " (comma-separated for several).", EnumOf<DebtRisk>, errors);
        return errors.Any ? errors.ToError() : new DebtFilter(services, statuses, risks);
    }

    private static T? EnumOf<T>(string s) where T : struct, Enum => Enum.TryParse<T>(s, true, out var v) && Enum.IsDefined(v) ? v : null;

    private static List<T> Parse<T>(string? text, string field, string message, Func<string, T?> parse, FieldErrors errors) where T : struct
    {
        var values = new List<T>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (parse(part) is { } value)
            {
                values.Add(value);
            }
            else
            {
                errors.Add(field, message);
                break;
            }
        }
        return values;
    }
}

/// <summary>
/// The technical-debt register (<c>/api/v1/tech-debt</c>). Everyone who reads improvement work reads it
/// (<see cref="Policies.Improvement"/>); problem and change managers, team leads, the IT leader and admins keep it, service
/// owners for their own services; IT staff (agents included) link the incidents and problems a debt item causes, since they
/// are the ones who see it. Items are addressed by id or number (TD0001).
/// </summary>
public static class TechDebtApi
{
    public static IEndpointRouteBuilder MapTechDebtApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tech-debt").WithTags("Technical debt").RequireAuthorization(Policies.Improvement);
        group.MapGet("", List).WithName("ListTechDebt")
            .WithSummary("The register with each item's interest (hours a month; basis Measured, Estimated or Unknown with a reason) and months to pay back. sort=payback (default: most interest per remediation hour first, unknown interest last), interest, -interest, risk, -risk, number, -number; service=, status=, risk= (comma-separated).");
        group.MapGet("/interest", Interest).WithName("GetTechDebtInterest")
            .WithSummary("The register's total interest per month over the last twelve full months (hours logged that month on each item's linked work, summed over the items), the current known total and how many items' interest is unknown; the same filters as the list. Not paged: twelve months.");
        group.MapGet("/{key}", Get).WithName("GetTechDebt")
            .WithSummary("One debt item with its interest, linked incidents and problems (hours in the interest window and in all), payoff change, allowed transitions and ETag.");
        group.MapPost("", Create).WithName("CreateTechDebt")
            .WithSummary("{ title, description? (Markdown), serviceId, configurationItemId?, remediationEstimateHours (> 0), manualInterestHoursPerMonth? (≥ 0, used when nothing is measured), risk (Low|Medium|High|Critical), ownerId?, payoffChangeId?, payoffInitiativeId? }. Keepers of the register; service owners on their own services.");
        group.MapPatch("/{key}", Update).WithName("UpdateTechDebt")
            .WithSummary("Merge patch with If-Match of the fields of create. Naming a payoffChangeId marks that change as remediating debt (its investment category becomes Debt unless set by hand).");
        group.MapPost("/{key}/transitions", Transition).WithName("TransitionTechDebt")
            .WithSummary("{ \"to\": \"Scheduled\" | \"InRemediation\" | \"PaidOff\" | \"Accepted\" | \"Open\" }: Open → Scheduled → InRemediation → PaidOff; Accepted (risk accepted) from any open state, reopened to Open. If-Match optional.");
        group.MapPost("/{key}/links", Link).WithName("LinkTechDebtWork")
            .WithSummary("Link an incident or problem whose time is interest on this debt: { workItemId } or { number: \"INC…\" }. IT staff and the register's keepers.");
        group.MapDelete("/{key}/links/{workItemId:guid}", Unlink).WithName("UnlinkTechDebtWork")
            .WithSummary("Remove the link to that incident or problem.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<TechDebtListItem>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery list, [AsParameters] DebtListQuery query, TechDebtRegister register, CancellationToken ct)
    {
        var filter = query.Filter();
        return filter.IsSuccess ? ApiResults.List(await register.ListAsync(filter.Value!, list.Page, ct)) : Problem(filter.Error!);
    }

    private static async Task<Results<Ok<DebtInterestTrend>, ProblemHttpResult>> Interest(
        [AsParameters] DebtListQuery query, TechDebtRegister register, CancellationToken ct)
    {
        var filter = query.Filter();
        return filter.IsSuccess ? Ok(await register.TrendAsync(filter.Value!, ct)) : Problem(filter.Error!);
    }

    private static async Task<Results<Ok<TechDebtView>, ProblemHttpResult>> Get(string key, HttpContext http, TechDebtService debt, CancellationToken ct) =>
        WithETag(http, await debt.GetAsync(key, ct), d => d.Version);

    private static async Task<Results<Created<TechDebtView>, ProblemHttpResult>> Create(JsonElement body, TechDebtService debt, CancellationToken ct)
    {
        var read = Read(body);
        if (!read.IsSuccess)
        {
            return Problem(read.Error!);
        }
        var p = read.Value!;
        var draft = new TechDebtDraft(p.Title.Value, p.Description.Value, p.ServiceId.Value, p.ConfigurationItemId.Value,
            p.RemediationEstimateHours.Value, p.ManualInterestHoursPerMonth.Value, p.Risk.IsSet ? p.Risk.Value ?? (DebtRisk)(-1) : null,
            p.OwnerId.Value, p.PayoffChangeId.Value, p.PayoffInitiativeId.Value);
        return Created(await debt.CreateAsync(draft, ct), d => $"/api/v1/tech-debt/{d.Number}");
    }

    private static async Task<Results<Ok<TechDebtView>, ProblemHttpResult>> Update(string key, JsonElement body, HttpContext http, TechDebtService debt, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        if (!version.IsSuccess)
        {
            return Problem(version.Error!);
        }
        var read = Read(body);
        return read.IsSuccess ? WithETag(http, await debt.UpdateAsync(key, version.Value, read.Value!, ct), d => d.Version) : Problem(read.Error!);
    }

    private static async Task<Results<Ok<TechDebtView>, ProblemHttpResult>> Transition(string key, DebtTransition body, HttpContext http, TechDebtService debt, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        return version.IsSuccess ? WithETag(http, await debt.TransitionAsync(key, version.Value, body, ct), d => d.Version) : Problem(version.Error!);
    }

    private static async Task<Results<Created<TechDebtView>, ProblemHttpResult>> Link(string key, DebtLinkDraft body, TechDebtService debt, CancellationToken ct) =>
        Created(await debt.LinkAsync(key, body, ct), d => $"/api/v1/tech-debt/{d.Number}");

    private static async Task<Results<NoContent, ProblemHttpResult>> Unlink(string key, Guid workItemId, TechDebtService debt, CancellationToken ct) =>
        NoContent(await debt.UnlinkAsync(key, workItemId, ct));

    /// <summary>Reads a create body or a merge patch: the same fields, each type error and unknown field reported at once.</summary>
    private static Result<TechDebtPatch> Read(JsonElement body)
    {
        var split = PatchFields.From(body, "remediationEstimateHours", "manualInterestHoursPerMonth", "risk");
        if (!split.IsSuccess)
        {
            return split.Error!;
        }
        var (p, fields) = split.Value;
        var patch = new TechDebtPatch(
            p.String("title"), p.String("description"), p.Guid("serviceId"), p.Guid("configurationItemId"),
            Hours(fields.Decimal("remediationEstimateHours")), Hours(fields.Decimal("manualInterestHoursPerMonth")), fields.Enum<DebtRisk>("risk"),
            p.Guid("ownerId"), p.Guid("payoffChangeId"), p.Guid("payoffInitiativeId"));
        return p.Finish() is { } invalid ? invalid : patch;
    }

    private static Application.Platform.Optional<double?> Hours(Application.Platform.Optional<decimal?> value) =>
        new(value.IsSet, value.Value is { } d ? (double)d : null);
}
