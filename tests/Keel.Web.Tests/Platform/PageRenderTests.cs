using System.Net;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Platform;

/// <summary>
/// Every page without route parameters renders on the server for each kind of user, or refuses them:
/// a page's own fault (a missing role list, a null it did not expect) shows up here as a 500.
/// </summary>
public sealed class PageRenderTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPage_EachRole_RendersOrRefusesWithoutServerError()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var pages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(route => !route.Contains('{'))
            .Distinct()
            .Order()
            .ToList();
        pages.ShouldContain("/value-streams");

        var failures = new List<string>();
        foreach (var user in new[] { "admin", "leader", "agent", "requester" })
        {
            using var client = await app.ClientForAsync(user);
            foreach (var page in pages)
            {
                var response = await client.GetAsync(page, Ct);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{user} GET {page}: {(int)response.StatusCode}");
                }
            }
        }

        failures.ShouldBeEmpty();
    }
}
