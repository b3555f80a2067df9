using Keel.Application.Platform.Export;
using Keel.Application.Value;
using Keel.Domain.Platform;
using Keel.Domain.Value;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Value;

/// <summary>Experience and value: a service's figures and trend, the cockpit, showback export and the experience weights.</summary>
public static class ValueApi
{
    public static IEndpointRouteBuilder MapValueApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/services/{id:guid}/value", Get).WithTags("Experience & value").RequireAuthorization(Policies.ServiceReaders).WithName("GetServiceValue")
            .WithSummary("Experience, cost, outcomes, value and consumption of a service for ?from=YYYY-MM-DD&to=YYYY-MM-DD, the period [from, to) "
                + "(default: the last twelve months to today). Read from the value rollup, which a job keeps current every few minutes. "
                + "Cost, outcomes, value and consumption are null unless the caller is the IT leader, an executive, an admin or the service's owner.");
        app.MapGet("/api/v1/services/{id:guid}/value/trend", Trend).WithTags("Experience & value").RequireAuthorization(Policies.ServiceReaders).WithName("GetServiceValueTrend")
            .WithSummary($"The service month by month over the {ValueService.TrendMonths} months up to ?month=YYYY-MM (default this month): experience score, satisfaction, SLA attainment, tickets raised, and for finance readers cost and value enabled.");
        app.MapGet("/api/v1/cockpit", Cockpit).WithTags("Experience & value").RequireAuthorization(Policies.Cockpit).WithName("GetCockpit")
            .WithSummary("The IT leader's cockpit for ?from=&to= (default the last twelve months): services ranked by value with experience and cost, monthly trends, open major incidents and spend by business unit.");
        app.MapGet("/api/v1/showback", Showback).WithTags("Experience & value").RequireAuthorization(Policies.ServiceCosts).WithName("ExportShowback")
            .WithSummary("Service cost and showback per business unit for ?from=&to= as ?format=csv (default) or xlsx, optionally for one ?serviceId=; service owners get their own services only.");
        var weights = app.MapGroup("/api/v1/experience/weights").WithTags("Experience & value");
        weights.MapGet("", GetWeights).RequireAuthorization(Policies.ServiceReaders).WithName("GetExperienceWeights")
            .WithSummary("The weights of the experience score's parts (satisfaction, reopen rate, first-contact resolution, within SLA, effort), with an ETag.");
        weights.MapPut("", PutWeights).RequireAuthorization(Policies.ValueSettings).WithName("SetExperienceWeights")
            .WithSummary("Replace the weights (whole numbers 0–100, at least one above 0); If-Match required. The IT leader and admins.");
        return app;
    }

    private static async Task<Results<Ok<ServiceValueView>, ProblemHttpResult>> Get(
        Guid id, string? from, string? to, ValueService value, CockpitService cockpit, CancellationToken ct)
    {
        var period = PeriodQuery.Parse(from, to, cockpit.DefaultPeriod);
        return period.IsSuccess ? Ok(await value.GetAsync(id, period.Value, ct)) : Problem(period.Error!);
    }

    private static async Task<Results<Ok<ListResponse<ServiceMonthView>>, ProblemHttpResult>> Trend(
        Guid id, string? month, ValueService value, CockpitService cockpit, CancellationToken ct)
    {
        DateOnly last;
        if (string.IsNullOrWhiteSpace(month))
        {
            last = cockpit.DefaultPeriod().To.AddDays(-1);
        }
        else if (!DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", out last))
        {
            return Problem(Error.Validation("month", "must be a month as YYYY-MM."));
        }
        return All(await value.TrendAsync(id, last, ct));
    }

    private static async Task<Results<Ok<CockpitView>, ProblemHttpResult>> Cockpit(string? from, string? to, CockpitService cockpit, CancellationToken ct)
    {
        var period = PeriodQuery.Parse(from, to, cockpit.DefaultPeriod);
        return period.IsSuccess ? Ok(await cockpit.GetAsync(period.Value, ct)) : Problem(period.Error!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Showback(
        string? from, string? to, string? format, Guid? serviceId, ShowbackExport export, CockpitService cockpit, CancellationToken ct)
    {
        var period = PeriodQuery.Parse(from, to, cockpit.DefaultPeriod);
        SpreadsheetFormat? chosen = format?.Trim().ToLowerInvariant() switch
        {
            null or "" or "csv" => SpreadsheetFormat.Csv,
            "xlsx" => SpreadsheetFormat.Xlsx,
            _ => null,
        };
        if (chosen is null)
        {
            return Problem(Error.Validation("format", "must be csv or xlsx."));
        }
        if (!period.IsSuccess)
        {
            return Problem(period.Error!);
        }
        var file = await export.ExportAsync(period.Value, chosen.Value, serviceId, ct);
        return file.IsSuccess ? TypedResults.File(file.Value!.Content, file.Value.ContentType, file.Value.FileName) : Problem(file.Error!);
    }

    private static async Task<Results<Ok<ExperienceWeightsView>, ProblemHttpResult>> GetWeights(HttpContext http, ExperienceSettingsService settings, CancellationToken ct) =>
        WithETag(http, await settings.GetAsync(ct), w => w.Version);

    private static async Task<Results<Ok<ExperienceWeightsView>, ProblemHttpResult>> PutWeights(
        ExperienceWeightsDraft draft, HttpContext http, ExperienceSettingsService settings, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        return version.IsSuccess ? WithETag(http, await settings.UpdateAsync(draft, version.Value, ct), w => w.Version) : Problem(version.Error!);
    }
}
