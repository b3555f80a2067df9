using System.Security.Claims;
using Keel.Web.Api;

namespace Keel.Web.Auth;

/// <summary>A token issued with the "read" scope only may call safe methods (GET, HEAD) and nothing else.</summary>
internal sealed class ReadOnlyTokenGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: ApiTokenAuthentication.SchemeName }
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !user.HasClaim(ApiTokenAuthentication.ScopeClaim, "write"))
        {
            await ApiResults.Problem(Keel.Domain.Platform.Error.Forbidden("This token has the read scope only.")).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}

internal static class ClaimsPrincipalExtensions
{
    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
