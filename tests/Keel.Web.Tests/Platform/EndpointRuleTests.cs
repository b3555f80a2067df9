using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Platform;

/// <summary>
/// Every API endpoint states who may call it — a named policy or an explicit AllowAnonymous — so a new
/// endpoint cannot silently fall back to "any signed-in user".
/// </summary>
public sealed class EndpointRuleTests(DatabaseFixture databases)
{
    [Fact]
    public async Task EveryApiEndpoint_DeclaresItsAuthorizationRule()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(20);
        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            .Select(e => $"{string.Join(",", e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}")
            .ToList();

        undeclared.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnonymousApiEndpoints_AreOnlyTheDeliberateOnes()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var anonymous = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText)
            .Distinct()
            .ToList();

        // A survey's link is its key: the person asked answers without signing in (API.md).
        anonymous.ShouldBe(["/api/v1/auth/tokens", "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm", "/api/v1/surveys/{token}"], ignoreOrder: true);
    }
}
