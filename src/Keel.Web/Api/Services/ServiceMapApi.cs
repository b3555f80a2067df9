using Keel.Application.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Services;

/// <summary>Service maps: a service (or a CI) and what it stands on, laid out for drawing.</summary>
public static class ServiceMapApi
{
    public static IEndpointRouteBuilder MapServiceMapApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/services/{id:guid}/map", ForService).WithTags("Services").RequireAuthorization(Policies.Staff).WithName("GetServiceMap")
            .WithSummary("The service, its CIs and what they need down to depth (1–6, default 4), laid out in layers: nodes with kind (Service, Ci), type, "
                + "status, depth, box centre x, y and hidden (CIs below it left out: at most 12 are drawn under each box); edges from the needing to the needed side with the relationship type (DeliveredBy from the service). "
                + "truncated: the node cap left CIs out; deeper: dependencies lie beyond depth.");
        app.MapGet("/api/v1/configuration-items/{id:guid}/map", ForCi).WithTags("Services").RequireAuthorization(Policies.Staff).WithName("GetCiMap")
            .WithSummary("The same map centred on one CI: the CI and what it needs down to depth (1–6, default 4).");
        return app;
    }

    private static async Task<Results<Ok<ServiceMapView>, ProblemHttpResult>> ForService(Guid id, int? depth, ServiceMapService maps, CancellationToken ct) =>
        Ok(await maps.ForServiceAsync(id, depth, ct));

    private static async Task<Results<Ok<ServiceMapView>, ProblemHttpResult>> ForCi(Guid id, int? depth, ServiceMapService maps, CancellationToken ct) =>
        Ok(await maps.ForCiAsync(id, depth, ct));
}
