using System.Net;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.ServiceLevels;

/// <summary>The calendar and policy editors as the server renders them: admins only (IT staff read the same data through the API).</summary>
public sealed class ServiceLevelPagesTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Pages = ["/admin/calendars", "/admin/calendars/new", "/admin/sla-policies", "/admin/sla-policies/new"];

    [Fact]
    public async Task ServiceLevelAdminPages_Agent_Refused()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        foreach (var path in Pages)
        {
            (await agent.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
        }
    }

    [Fact]
    public async Task ServiceLevelAdminPages_Admin_Open()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");

        (await admin.GetStringAsync("/admin/calendars", Ct)).ShouldContain("Business calendars");
        (await admin.GetStringAsync("/admin/calendars/new", Ct)).ShouldContain("New business calendar");
        (await admin.GetStringAsync("/admin/sla-policies", Ct)).ShouldContain("SLA and OLA policies");
        (await admin.GetStringAsync("/admin/sla-policies/new", Ct)).ShouldContain("New policy");
    }
}
