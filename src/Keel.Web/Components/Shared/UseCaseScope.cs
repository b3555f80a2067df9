using Keel.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace Keel.Web.Components.Shared;

/// <summary>
/// A fresh service scope for one UI operation, acting as the signed-in person. A Blazor circuit lives for
/// minutes or hours: one DbContext for its whole life would interleave queries of concurrent components and
/// keep stale or half-saved entities tracked. Each operation therefore gets its own use-case instances, exactly
/// as an API request would, and the audit trail still names the person (CurrentUser is set from the circuit).
/// </summary>
public sealed class UseCaseScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private UseCaseScope(AsyncServiceScope scope) => _scope = scope;

    public static async Task<UseCaseScope> OpenAsync(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = state.User;
        return new UseCaseScope(scope);
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
