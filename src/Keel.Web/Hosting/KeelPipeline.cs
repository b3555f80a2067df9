using Keel.Web.Api.Balance;
using Keel.Web.Api.Changes;
using Keel.Web.Api.Experience;
using Keel.Web.Api.Knowledge;
using Keel.Web.Api.Platform;
using Keel.Web.Api.Problems;
using Keel.Web.Api.ServiceLevels;
using Keel.Web.Api.Services;
using Keel.Web.Api.Value;
using Keel.Web.Api.Work;
using Keel.Web.Auth;
using Keel.Web.Components;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Keel.Web.Hosting;

/// <summary>The request pipeline and every endpoint, in order.</summary>
public static class KeelPipeline
{
    public static WebApplication UseKeel(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Pages answer an unknown address with the not-found page (the status stays 404). Registered outside the
        // API's handler below, which answers /api paths first with ProblemDetails, so the API never gets HTML.
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseStatusCodePages(ProblemCodes.WriteForApiAsync);
        app.UseMiddleware<RequestSizeLimit>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<ReadOnlyTokenGuard>();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("Keel API")).AllowAnonymous();

        app.MapAuthApi();
        app.MapMeApi();
        app.MapNotificationsApi();
        app.MapPeopleApi();
        app.MapTeamsApi();
        app.MapBusinessUnitsApi();
        app.MapAuditApi();
        app.MapJobsApi();
        app.MapServicesApi().MapCatalogItemsApi().MapConfigurationItemsApi().MapCostPoolsApi().MapServiceMapApi();
        app.MapWorkApi().MapApprovalsApi().MapAssignmentRulesApi().MapSavedViewsApi();
        app.MapChangesApi();
        app.MapCalendarsApi().MapSlaPoliciesApi().MapSlaAttainmentApi();
        app.MapValueApi();
        app.MapProblemsApi();
        app.MapBalanceApi().MapActivitiesApi().MapInitiativesApi().MapTechDebtApi().MapValueStreamsApi();
        app.MapChangeWindowsApi().MapChangeCalendarApi();
        app.MapKnowledgeApi();
        app.MapSurveysApi();
        app.MapValueRollupApi();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
