using Keel.Web.Components.Shared;
using System.Reflection;
using System.Security.Claims;
using Bunit;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Web.Auth;
using Keel.Web.Components.Layout;
using Keel.Web.Components.Pages.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Components.Services;

public sealed class CatalogItemsPageTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    private static IReadOnlyList<string> RowTexts(IRenderedComponent<CatalogItems> page) =>
        page.FindAll("tbody tr").Select(r => r.TextContent).ToList();

    [Fact]
    public void CatalogList_Page_RequiresTheCatalogueEditorsPolicy()
    {
        typeof(CatalogItems).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.ServiceEditors);
        typeof(Keel.Web.Components.Pages.Services.CatalogEditor.CatalogItemEditor).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.ServiceEditors);
    }

    [Fact]
    public async Task CatalogList_Owner_ShowsTheItemsOfEveryServiceWithWhoMayRequestAndHow()
    {
        var database = await SignInAsync("owner");

        var page = Render<CatalogItems>();

        page.WaitForAssertion(() => RowTexts(page).Count.ShouldBe(4));
        var vpn = page.FindAll("tbody tr").Single(r => r.TextContent.Contains("VPN access"));
        var cells = vpn.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        cells.ShouldBe(["VPN access", "Remote Access", "Finance", "Service owner approves", "8 h", cells[5], "Active"]);
        int.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        RowTexts(page).Single(t => t.Contains("New laptop")).ShouldContain("Everyone");
        await using var db = database.NewDbContext();
        var remote = await db.Set<Service>().SingleAsync(s => s.Name == "Remote Access", Ct);
        vpn.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith($"/services/{remote.Id}/catalogue/");
    }

    [Fact]
    public async Task CatalogList_FilteredByService_ShowsOnlyThatServicesItems()
    {
        var database = await SignInAsync("owner");
        await using var db = database.NewDbContext();
        var workplace = await db.Set<Service>().SingleAsync(s => s.Name == "Workplace Services", Ct);
        var page = Render<CatalogItems>();
        page.WaitForAssertion(() => RowTexts(page).Count.ShouldBe(4));

        var picker = page.FindComponents<ServicePicker>().Last();
        await page.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new Ref(workplace.Id, workplace.Name)));

        page.WaitForAssertion(() => RowTexts(page).Count.ShouldBe(2));
        RowTexts(page).ShouldAllBe(t => t.Contains("Workplace Services"));
        RowTexts(page).Any(t => t.Contains("New laptop")).ShouldBeTrue();
        RowTexts(page).Any(t => t.Contains("Software licence")).ShouldBeTrue();
    }

    [Fact]
    public async Task CatalogList_NewItem_OwnerChoosesAmongTheServicesTheyOwn()
    {
        var database = await SignInAsync("owner");
        var page = Render<CatalogItems>();
        page.WaitForAssertion(() => RowTexts(page).Count.ShouldBe(4));

        page.FindAll("button").Single(b => b.TextContent.Contains("New catalogue item")).Click();

        var picker = page.FindComponents<ServicePicker>().First();
        await using var db = database.NewDbContext();
        var owner = await db.Users.SingleAsync(u => u.UserName == "owner", Ct);
        picker.Instance.OwnerId.ShouldBe(owner.Id);
        page.Find("[data-testid=new-item-service]").TextContent.ShouldContain("Services you own");
    }

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.ServiceOwner, true)]
    [InlineData(Roles.Agent, false)]
    [InlineData(Roles.ItLeader, false)]
    public async Task NavMenu_RequestCatalogueLink_OnlyForTheRolesThatMayOpenIt(string role, bool shown)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);

        var links = Render<NavMenu>().FindAll("a[href]").Select(a => a.GetAttribute("href")).ToList();

        links.Contains("/services/catalog").ShouldBe(shown);
        (await PolicyAllowsAsync(Policies.ServiceEditors, role)).ShouldBe(shown);
    }

    /// <summary>Whether the real policy (as the host configures it) lets a person with <paramref name="role"/> in.</summary>
    internal static async Task<bool> PolicyAllowsAsync(string policy, string role)
    {
        var services = new ServiceCollection().AddLogging();
        Policies.Configure(services.AddAuthorizationBuilder());
        await using var provider = services.BuildServiceProvider();
        var person = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "Test"));
        return (await provider.GetRequiredService<IAuthorizationService>().AuthorizeAsync(person, policy)).Succeeded;
    }
}
