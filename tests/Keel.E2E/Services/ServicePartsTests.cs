using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Services;

/// <summary>A service owner keeps their service's costs and outcomes; an admin divides a shared cost among services.</summary>
public sealed class ServicePartsTests(BrowserFixture browser)
{
    [Fact]
    public async Task Owner_AddsCostItemAndOutcome_MonthlyCostChanges_AdminCreatesFixedSharePool()
    {
        var page = await browser.SignInAsync("owner", 1400, 900);
        await BrowserFixture.OpenInteractiveAsync(page, "/services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Remote Access" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/services/[0-9a-f-]{36}$"));
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Costs" }).ClickAsync();
        var monthly = page.GetByTestId("monthly-cost");
        await Assertions.Expect(monthly).ToHaveTextAsync("1,100.00 EUR");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add cost item" }).ClickAsync();
        var costEditor = page.GetByTestId("cost-editor");
        await FillAsync(Field(costEditor, "Cost item"), "Firewall licence");
        await ChooseAsync(page, costEditor, "Category", "Infrastructure");
        await FillAsync(Field(costEditor, "Monthly"), "250.50");
        await costEditor.GetByRole(AriaRole.Button, new() { Name = "Add cost item" }).ClickAsync();

        await Assertions.Expect(monthly).ToHaveTextAsync("1,350.50 EUR");
        await Assertions.Expect(page.GetByTestId("cost-row").Filter(new() { HasText = "Firewall licence" })).ToContainTextAsync("250.50 EUR");
        await page.ScreenshotAsync(new() { Path = "/tmp/keel-service-costs.png", FullPage = true });

        await page.GetByRole(AriaRole.Tab, new() { Name = "Outcomes" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add outcome" }).ClickAsync();
        var outcomeEditor = page.GetByTestId("outcome-editor");
        await FillAsync(Field(outcomeEditor, "Outcome"), "Sales calls from home");
        await ChooseAsync(page, outcomeEditor, "Business unit", "Sales");
        await FillAsync(Field(outcomeEditor, "Yearly value"), "50000");
        await ChooseAsync(page, outcomeEditor, "Basis", "Revenue enabled");
        await FillAsync(Field(outcomeEditor, "This service's contribution"), "20");
        await page.ScreenshotAsync(new() { Path = "/tmp/keel-service-outcome-editor.png", FullPage = true });
        await outcomeEditor.GetByRole(AriaRole.Button, new() { Name = "Add outcome" }).ClickAsync();

        var added = page.GetByTestId("outcome-row").Filter(new() { HasText = "Sales calls from home" });
        await Assertions.Expect(added).ToContainTextAsync("50,000.00 EUR");
        await Assertions.Expect(added).ToContainTextAsync("20 %");
        await Assertions.Expect(added).ToContainTextAsync("Sales");
        (await page.ContentAsync()).ShouldNotContain("An unhandled error has occurred");
        await page.Context.CloseAsync();

        var admin = await browser.SignInAsync("admin", 1400, 900);
        await BrowserFixture.OpenInteractiveAsync(admin, "/services/cost-pools");
        await admin.GetByRole(AriaRole.Link, new() { Name = "New cost pool" }).ClickAsync();
        await admin.WaitForURLAsync(new Regex("/services/cost-pools/new$"));
        await admin.Locator("main[data-interactive=true]").WaitForAsync();
        var form = admin.Locator("main");
        await FillAsync(Field(form, "Name"), "Network backbone");
        await FillAsync(Field(form, "Monthly"), "1200");
        await PickServiceAsync(admin, Field(form, "Service 1"), "Workplace");
        await FillAsync(Field(form, "Share 1"), "60");
        await PickServiceAsync(admin, Field(form, "Service 2"), "Remote");
        await FillAsync(Field(form, "Share 2"), "40");
        await Assertions.Expect(admin.GetByTestId("shares-total")).ToContainTextAsync("Total 100 % of 100 %");
        await admin.ScreenshotAsync(new() { Path = "/tmp/keel-cost-pool-editor.png", FullPage = true });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create cost pool" }).ClickAsync();

        await admin.WaitForURLAsync(new Regex("/services/cost-pools/[0-9a-f-]{36}$"));
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Network backbone", Level = 1 })).ToBeVisibleAsync();
        await BrowserFixture.OpenInteractiveAsync(admin, "/services/cost-pools");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = "Network backbone" });
        await Assertions.Expect(row).ToContainTextAsync("Workplace Services 60 %, Remote Access 40 %");
        await Assertions.Expect(row).ToContainTextAsync("1,200.00 EUR");
        await admin.ScreenshotAsync(new() { Path = "/tmp/keel-cost-pools.png", FullPage = true });
        await admin.Context.CloseAsync();
    }

    /// <summary>Fills a box and leaves it, so MudBlazor (which binds on change) has the value before the next click.</summary>
    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>Opens a MudSelect by its label and clicks one of its items in the list that pops up.</summary>
    private static async Task ChooseAsync(IPage page, ILocator scope, string label, string item)
    {
        await scope.Locator(".mud-select").Filter(new() { Has = page.Locator("label", new() { HasTextRegex = new Regex($"^{Regex.Escape(label)}\\*?$") }) })
            .Locator(".mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(item)}$") }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Types part of a service's name into an autocomplete and picks the first match.</summary>
    private static async Task PickServiceAsync(IPage page, ILocator field, string text)
    {
        await field.FillAsync(text);
        var match = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First;
        await match.ClickAsync();
        await Assertions.Expect(field).Not.ToHaveValueAsync(text);
    }

    /// <summary>A text or number box by its label; MudBlazor appends "*" to the labels of required fields.</summary>
    private static ILocator Field(ILocator scope, string label)
    {
        var name = new Regex($"^{Regex.Escape(label)}\\*?$");
        return scope.GetByRole(AriaRole.Textbox, new() { NameRegex = name }).Or(scope.GetByRole(AriaRole.Spinbutton, new() { NameRegex = name }))
            .Or(scope.GetByRole(AriaRole.Combobox, new() { NameRegex = name }));
    }
}
