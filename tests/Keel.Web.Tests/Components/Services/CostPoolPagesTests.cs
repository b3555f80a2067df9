using System.Net;
using Bunit;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Web.Components.Layout;
using Keel.Web.Components.Pages.Services.CostPools;
using Keel.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Keel.Web.Tests.Components.Services;

/// <summary>The cost pool pages: refused to agents, read-only for cost readers, editable by admins.</summary>
public sealed class CostPoolPagesTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    private readonly DatabaseFixture _databases = databases;

    [Theory]
    [InlineData(DemoAccounts.Agent, false)]
    [InlineData(DemoAccounts.Lead, false)]
    [InlineData(DemoAccounts.Leader, true)]
    [InlineData(DemoAccounts.Owner, true)]
    public async Task CostPoolsPage_OverHttp_OnlyCostReadersGetIt(string userName, bool allowed)
    {
        await using var app = await KeelApp.StartAsync(_databases);
        using var client = await app.ClientForAsync(userName);

        var response = await client.GetAsync("/services/cost-pools", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        (response.StatusCode == HttpStatusCode.OK).ShouldBe(allowed, $"{userName}: {response.StatusCode}");
        html.Contains("Service desk tooling", StringComparison.Ordinal).ShouldBe(allowed);
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.ItLeader, true)]
    [InlineData(Roles.Executive, true)]
    [InlineData(Roles.ServiceOwner, true)]
    [InlineData(Roles.Agent, false)]
    [InlineData(Roles.TeamLead, false)]
    [InlineData(Roles.Requester, false)]
    public void NavMenu_CostPoolsLink_OnlyForCostReaders(string role, bool shown)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);

        var links = Render<NavMenu>().FindAll("a[href]").Select(a => a.GetAttribute("href")).ToList();

        links.Contains("/services/cost-pools").ShouldBe(shown);
    }

    [Fact]
    public async Task CostPoolPage_Executive_ReadsTheSharesWithoutAForm()
    {
        await UseTinyDatabaseAsync();
        await SignInAsync(DemoAccounts.Exec);
        var id = await PoolIdAsync("Service desk tooling");

        var page = Render<CostPoolEdit>(p => p.Add(e => e.Id, id));

        page.WaitForAssertion(() => page.Markup.ShouldContain("Workplace Services"), TimeSpan.FromSeconds(10));
        page.Markup.ShouldContain("70 %");
        page.Markup.ShouldContain("3,000.00 EUR");
        page.FindAll("input").ShouldBeEmpty();
        page.FindAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Save");
        page.FindAll("button").Select(b => b.TextContent.Trim()).ShouldNotContain("Delete");
    }

    [Fact]
    public async Task CostPoolPage_AdminChangesSharesToNotAddUp_SeesTheRuleAndNothingIsSaved()
    {
        await UseTinyDatabaseAsync();
        await SignInAsync(DemoAccounts.Admin);
        var id = await PoolIdAsync("Service desk tooling");
        var page = Render<CostPoolEdit>(p => p.Add(e => e.Id, id));
        page.WaitForElement("[data-testid=pool-share-1]", TimeSpan.FromSeconds(10));

        page.FindComponents<MudNumericField<decimal?>>().Single(f => f.Instance.Label == "Share 2").Find("input").Change("20");
        page.WaitForAssertion(() => page.Find("[data-testid=shares-total]").TextContent.ShouldContain("Total 90 % of 100 %"));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Save").Click();

        page.WaitForAssertion(() => page.Markup.ShouldContain("Shares must add up to exactly 1"), TimeSpan.FromSeconds(10));
        await using var db = Database.NewDbContext();
        (await db.Set<CostPool>().SingleAsync(p => p.Id == id, Ct)).Shares.Select(s => s.Share).ShouldBe([0.7m, 0.3m], ignoreOrder: true);
    }

    private async Task<Guid> PoolIdAsync(string name)
    {
        await using var db = Database.NewDbContext();
        return await db.Set<CostPool>().Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
    }
}
