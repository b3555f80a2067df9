using System.Security.Claims;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Keel.Web.Components.Shared;

/// <summary>
/// Base of pages and components that call use cases: each call runs in its own <see cref="UseCaseScope"/>,
/// and is cancelled when the component goes away.
/// </summary>
public abstract class KeelComponent : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _disposed = new();

    [Inject] private IServiceScopeFactory ScopeFactory { get; set; } = default!;
    [Inject] private AuthenticationStateProvider Authentication { get; set; } = default!;

    /// <summary>Cancelled when the component is disposed (the person navigated away or closed the tab).</summary>
    protected CancellationToken Aborted => _disposed.Token;

    /// <summary>Calls one use case: <c>await UseAsync((PeopleService people) =&gt; people.GetAsync(id, Aborted))</c>.</summary>
    protected async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = await UseCaseScope.OpenAsync(ScopeFactory, Authentication);
        return await call(scope.Get<TService>());
    }

    /// <summary>The signed-in person's id; pages behind an authorization policy always have one.</summary>
    protected async Task<Guid> CurrentUserIdAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        return state.User.UserId() ?? throw new InvalidOperationException("This page needs a signed-in person.");
    }

    protected async Task<ClaimsPrincipal> CurrentPrincipalAsync() => (await Authentication.GetAuthenticationStateAsync()).User;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.Cancel();
            _disposed.Dispose();
        }
    }
}
