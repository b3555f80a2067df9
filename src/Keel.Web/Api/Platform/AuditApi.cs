using Keel.Application.Platform.Audit;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Web.Api.Platform;

public static class AuditApi
{
    /// <summary>Read-only on purpose: the trail has no create, update or delete endpoint.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/audit", List).WithTags("Platform").RequireAuthorization(Policies.Admin)
            .WithName("ListAuditEntries").WithSummary("The audit trail, newest first; filter by entityType, entityId, userName, from, to.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<AuditView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, string? entityType, string? entityId, string? userName, DateTime? from, DateTime? to,
        AuditService audit, CancellationToken ct)
    {
        var filter = new AuditFilter(entityType, entityId, userName, from?.ToUniversalTime(), to?.ToUniversalTime());
        var result = await audit.ListAsync(filter, query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<AuditView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }
}
