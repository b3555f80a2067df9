using System.Security.Claims;
using Keel.Application.Platform;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Keel.Web.Auth;

/// <summary>
/// The acting user for use cases. An HTTP request sets it from HttpContext.User (middleware below);
/// an interactive Blazor circuit, which has no HttpContext, sets it from its authentication state.
/// A scope that neither touched (a background job) acts as the system.
/// </summary>
internal sealed class CurrentUser : ICurrentUser
{
    public ClaimsPrincipal? Principal { get; set; }

    /// <summary>A signed-in principal as the use cases' rules see it, for components that show what those rules allow.</summary>
    public static ICurrentUser Of(ClaimsPrincipal principal) => new CurrentUser { Principal = principal };

    public Guid? UserId => Principal?.UserId();

    public string UserName => Principal switch
    {
        null => SystemUser.Instance.UserName,
        { Identity.IsAuthenticated: true } => Principal.Identity.Name ?? "unknown",
        _ => "anonymous",
    };

    public bool IsInRole(string role) => Principal is null ? SystemUser.Instance.IsInRole(role) : Principal.IsInRole(role);
}

internal sealed class CurrentUserMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, CurrentUser current)
    {
        current.Principal = context.User;
        return next(context);
    }
}

internal sealed class CurrentUserCircuitHandler(CurrentUser current, AuthenticationStateProvider authentication) : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnChanged;
        current.Principal = (await authentication.GetAuthenticationStateAsync()).User;
    }

    private async void OnChanged(Task<AuthenticationState> state)
    {
        try
        {
            current.Principal = (await state).User;
        }
        catch (InvalidOperationException)
        {
            current.Principal = new ClaimsPrincipal(new ClaimsIdentity());
        }
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnChanged;
}
