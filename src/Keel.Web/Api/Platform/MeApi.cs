using System.Security.Claims;
using Keel.Application.Platform.Accounts;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Web.Api.Platform;

public sealed record PreferencesRequest(string? DisplayName, string? TimeZone);

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Platform").RequireAuthorization(Policies.SignedIn);
        group.MapGet("", GetMe).WithName("GetMe").WithSummary("Who the caller is: roles, teams, business unit.");
        group.MapPut("/preferences", SetPreferences).WithName("SetMyPreferences").WithSummary("Change the caller's display name or time zone.");
        return app;
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> GetMe(ClaimsPrincipal user, MeService me, CancellationToken ct)
    {
        var result = await me.GetAsync(user.UserId()!.Value, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<MeView>, ProblemHttpResult>> SetPreferences(PreferencesRequest request, ClaimsPrincipal user, MeService me, CancellationToken ct)
    {
        var result = await me.SetPreferencesAsync(user.UserId()!.Value, request.DisplayName, request.TimeZone, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value!) : ApiResults.Problem(result.Error!);
    }
}
