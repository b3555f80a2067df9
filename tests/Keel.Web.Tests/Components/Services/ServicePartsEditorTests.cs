using AngleSharp.Dom;
using Bunit;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Web.Components.Pages.Services;
using Keel.Web.Components.Shared;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace Keel.Web.Tests.Components.Services;

/// <summary>The service page's Consumers, Outcomes and Costs tabs on the real use cases: who gets edit controls, and that an edit is stored.</summary>
public sealed class ServicePartsEditorTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    private const string Workplace = "Workplace Services";
    private const string Portal = "Customer Self-Service Portal";

    private async Task<IRenderedComponent<ServiceDetail>> OpenAsync(string userName, string service)
    {
        await UseTinyDatabaseAsync();
        await SignInAsync(userName);
        var id = await ServiceIdAsync(service);
        var page = Render<ServiceDetail>(p => p.Add(d => d.Id, id));
        page.WaitForAssertion(() => page.FindAll(".mud-tab").ShouldNotBeEmpty(), TimeSpan.FromSeconds(10));
        return page;
    }

    private static void OpenTab(IRenderedComponent<ServiceDetail> page, string tab) =>
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == tab).Click();

    private static IElement Button(IRenderedComponent<ServiceDetail> scope, string text) =>
        scope.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private static bool HasButton(IRenderedComponent<ServiceDetail> scope, string text) =>
        scope.FindAll("button").Any(b => b.TextContent.Trim() == text);

    [Theory]
    [InlineData(DemoAccounts.Owner, Workplace, true)]
    [InlineData(DemoAccounts.Owner, Portal, false)]
    [InlineData(DemoAccounts.Exec, Workplace, false)]
    [InlineData(DemoAccounts.Leader, Workplace, false)]
    [InlineData(DemoAccounts.Admin, Portal, true)]
    public async Task ServicePage_PartsTabs_EditControlsOnlyForTheOwnerOrAnAdmin(string userName, string service, bool edits)
    {
        var page = await OpenAsync(userName, service);

        (string Tab, string Add)[] tabs = [("Consumers", "Add consumer"), ("Outcomes", "Add outcome"), ("Costs", "Add cost item")];
        foreach (var (tab, add) in tabs)
        {
            OpenTab(page, tab);
            page.WaitForAssertion(() => page.FindAll(".mud-tab-active").Single().TextContent.Trim().ShouldBe(tab));
            HasButton(page, add).ShouldBe(edits, $"{userName} on {service}, tab {tab}");
            // Every tab of Workplace Services has rows; the portal service has none.
            page.FindAll("button[aria-label^='Remove ']").Any().ShouldBe(edits && service == Workplace, $"{userName} on {service}, tab {tab}");
        }
    }

    [Fact]
    public async Task ServicePage_ReaderOfCosts_SeesTheTablesWithoutEditButtons()
    {
        var page = await OpenAsync(DemoAccounts.Exec, Workplace);

        OpenTab(page, "Outcomes");

        page.WaitForAssertion(() => page.FindAll("[data-testid=outcome-row]").ShouldHaveSingleItem().TextContent.ShouldContain("400,000.00 EUR"));
        page.FindAll("button[aria-label^='Edit ']").ShouldBeEmpty();
        page.FindAll("button[aria-label^='Remove ']").ShouldBeEmpty();
    }

    [Fact]
    public async Task OutcomesTab_OwnerAddsOutcome_ItIsStoredInMinorUnitsAndAsAFraction()
    {
        var page = await OpenAsync(DemoAccounts.Owner, Workplace);
        Guid finance;
        await using (var db = Database.NewDbContext())
        {
            finance = await db.Set<BusinessUnit>().Where(b => b.Code == DemoAccounts.Requester2UnitCode).Select(b => b.Id).SingleAsync(Ct);
        }
        OpenTab(page, "Outcomes");
        page.WaitForAssertion(() => Button(page, "Add outcome").Click());

        page.WaitForElement("[data-testid=outcome-editor]");
        page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Outcome").Find("input").Change("Faster month-end reporting");
        var unit = page.FindComponent<BusinessUnitSelect>();
        await page.InvokeAsync(() => unit.Instance.ValueChanged.InvokeAsync(finance));
        page.FindComponents<MudNumericField<decimal?>>().Single(f => f.Instance.Label == "Yearly value").Find("input").Change("123456.78");
        page.FindComponents<MudNumericField<decimal?>>().Single(f => f.Instance.Label == "This service's contribution").Find("input").Change("12.5");
        Button(page, "Add outcome").Click(); // the editor's own button: the one above the table hides while the editor is open

        page.WaitForAssertion(() => page.FindAll("[data-testid=outcome-row]").Count.ShouldBe(2), TimeSpan.FromSeconds(10));
        page.FindAll("[data-testid=outcome-row]").ShouldContain(r => r.TextContent.Contains("Faster month-end reporting") && r.TextContent.Contains("123,456.78 EUR")
            && r.TextContent.Contains("12.5 %"));
        await using var read = Database.NewDbContext();
        var stored = await read.Set<BusinessOutcome>().SingleAsync(o => o.Name == "Faster month-end reporting", Ct);
        stored.YearlyValue.ShouldBe(new Money(12_345_678, "EUR"));
        stored.Contribution.ShouldBe(0.125m);
        stored.BusinessUnitId.ShouldBe(finance);
        stored.ServiceId.ShouldBe(await ServiceIdAsync(Workplace));
    }
}
