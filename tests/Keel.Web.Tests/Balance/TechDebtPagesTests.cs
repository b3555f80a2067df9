using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Keel.Web.Auth;
using Keel.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Balance;

public sealed class TechDebtPagesTests(Keel.Application.Tests.Infrastructure.DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/tech-debt")]
    [InlineData("/tech-debt/new")]
    [InlineData("/tech-debt/{Number}")]
    public void Pages_TechDebt_RequireTheImprovementPolicy(string route)
    {
        var page = typeof(Policies).Assembly.GetTypes().Single(t => t.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == route));
        page.GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.Improvement);
    }

    [Fact]
    public async Task Register_LeaderAndRequester_RankedWithUnknownReasonForTheLeaderRefusedForTheRequester()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var leader = await app.ClientForAsync("leader");
        using var requester = await app.ClientForAsync("requester");
        var serviceId = await IdAsync(leader, "/api/v1/services", "Workplace Services");
        var created = await leader.PostAsJsonAsync("/api/v1/tech-debt", new { title = "Printer driver pinned to 2019", serviceId, remediationEstimateHours = 6 }, Ct);
        var number = created.Headers.Location!.ToString().Split('/')[^1];

        var register = await leader.GetStringAsync("/tech-debt", Ct);
        var record = await leader.GetStringAsync($"/tech-debt/{number}", Ct);

        register.ShouldContain(number);
        register.ShouldContain("Unknown (no linked incidents or problems)");
        record.ShouldContain("Printer driver pinned to 2019");
        record.ShouldContain("Nothing is linked yet");
        (await requester.GetAsync("/tech-debt", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await requester.GetAsync($"/tech-debt/{number}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
