using System.Security.Claims;
using Bunit;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Web.Components.Pages.Services;

namespace Keel.Web.Tests.Components.Services;

public sealed class ServiceTabsTests : ComponentTest
{
    private static readonly Ref Owner = new(Guid.NewGuid(), "Olivia Owner");
    private static readonly Ref Team = new(Guid.NewGuid(), "Workplace");
    private static readonly Ref Sales = new(Guid.NewGuid(), "Sales");

    private static ServiceView AgentView() =>
        new(Guid.NewGuid(), "Email", "Sending and receiving email.", Owner, Team, ServiceLifecycle.Live, 2, 1m, 75, [Sales], 3);

    private static ServiceFinanceView LeaderView() =>
        new(Guid.NewGuid(), "Email", "Sending and receiving email.", Owner, Team, ServiceLifecycle.Live, 2, 1m, 75,
            [new ConsumerView(Guid.NewGuid(), Sales, AllocationBasis.FixedShares, 0.25m, 1)],
            [new OutcomeView(Guid.NewGuid(), "Orders by email", Sales, new Money(12_000_000, "EUR"), OutcomeBasis.RevenueEnabled, 0.1m, 1)],
            [new CostItemView(Guid.NewGuid(), "Mail licences", CostCategory.Licences, new Money(123_450, "EUR"), 1)],
            new Money(123_450, "EUR"), 3);

    private IRenderedComponent<ServiceTabs> RenderTabs(ServiceSummary service, ServiceFinanceView? finance, string role = Roles.Agent, Guid? userId = null)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, (userId ?? Guid.NewGuid()).ToString()));
        return Render<ServiceTabs>(p => p
            .Add(t => t.Service, service)
            .Add(t => t.Finance, finance)
            .Add(t => t.Overview, "overview"));
    }

    private static IReadOnlyList<string> TabNames(IRenderedComponent<ServiceTabs> tabs) =>
        tabs.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();

    [Fact]
    public void ServiceTabs_AgentView_HasNoCostsOrOutcomesTabAndNoMoney()
    {
        var tabs = RenderTabs(ServiceSummary.From(AgentView()), null);

        TabNames(tabs).ShouldBe(["Overview", "Experience & value", "Consumers", "Configuration items", "Catalogue items", "Service levels"]);
        tabs.Markup.ShouldNotContain("EUR");
    }

    [Fact]
    public void ServiceTabs_LeaderView_ShowsCostsTabWithTheMonthlyTotal()
    {
        var finance = LeaderView();
        var tabs = RenderTabs(ServiceSummary.From(finance), finance);

        TabNames(tabs).ShouldContain("Costs");
        TabNames(tabs).ShouldContain("Outcomes");
        tabs.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Costs").Click();

        tabs.WaitForAssertion(() => tabs.Find("[data-testid=monthly-cost]").TextContent.ShouldBe("1,234.50 EUR"));
        tabs.Markup.ShouldContain("Mail licences");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ServiceTabs_ServiceOwner_SeesServiceLevelsOnTheirOwnServiceOnly(bool ownService)
    {
        var finance = LeaderView();

        var tabs = RenderTabs(ServiceSummary.From(finance), finance, Roles.ServiceOwner, ownService ? Owner.Id : Guid.NewGuid());

        TabNames(tabs).Contains("Service levels").ShouldBe(ownService);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ServiceTabs_ExperienceAndValue_IsSecondForEveryReaderSoTheCockpitLinkFindsIt(bool leader)
    {
        var tabs = leader
            ? RenderTabs(ServiceSummary.From(LeaderView()), LeaderView(), Roles.ItLeader)
            : RenderTabs(ServiceSummary.From(AgentView()), null);

        TabNames(tabs)[1].ShouldBe("Experience & value");
        tabs.Markup.ShouldNotContain("comes with a later release");
    }
}
