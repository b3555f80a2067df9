using Bunit;
using Keel.Domain.Platform;
using Keel.Web.Components.Layout;

namespace Keel.Web.Tests.Components;

public sealed class NavMenuTests : ComponentTest
{
    private static readonly string[] AdminLinks =
        ["/admin", "/admin/people", "/admin/teams", "/admin/business-units", "/admin/work-settings", "/admin/assignment-rules", "/admin/calendars", "/admin/sla-policies",
         "/admin/audit", "/admin/jobs"];

    private IReadOnlyList<string> LinksFor(params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(roles);
        var nav = Render<NavMenu>();
        return nav.FindAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
    }

    [Fact]
    public void NavMenu_Admin_ShowsEveryAdministrationLink()
    {
        var links = LinksFor(Roles.Admin);

        foreach (var link in AdminLinks)
        {
            links.ShouldContain(link);
        }
    }

    [Theory]
    [InlineData(Roles.Agent)]
    [InlineData(Roles.TeamLead)]
    [InlineData(Roles.ItLeader)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.Requester)]
    public void NavMenu_NonAdmin_ShowsNoAdministrationLink(string role)
    {
        var links = LinksFor(role);

        links.ShouldNotContain(l => l.StartsWith("/admin", StringComparison.Ordinal));
        links.ShouldContain("/portal");
        links.ShouldContain("/profile");
    }

    [Fact]
    public void NavMenu_Requester_ShowsOnlyPortalAndProfile()
    {
        LinksFor(Roles.Requester).ShouldBe(["/portal", "/profile"], ignoreOrder: true);
    }

    [Fact]
    public void NavMenu_Agent_ShowsTheWorkingAreasOfAnAgent()
    {
        LinksFor(Roles.Agent).ShouldBe(["/portal", "/work", "/problems", "/changes", "/changes/calendar", "/knowledge", "/services", "/configuration-items", "/initiatives", "/tech-debt", "/value-streams", "/profile"], ignoreOrder: true);
    }

    [Fact]
    public void NavMenu_Anonymous_ShowsNoLinks()
    {
        AddAuthorization();
        Render<NavMenu>().FindAll("a[href]").ShouldBeEmpty();
    }
}
