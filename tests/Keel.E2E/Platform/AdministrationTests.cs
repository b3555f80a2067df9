using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Platform;

public sealed class AdministrationTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_CreatesBusinessUnit_ItAppearsWithItsCreationInTheHistory()
    {
        var page = await browser.SignInAsync("admin");
        await BrowserFixture.OpenInteractiveAsync(page, "/admin/business-units");

        await FillAsync(page, "Name", "Customer Service");
        await FillAsync(page, "Code", "CS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create business unit" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/admin/business-units/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByText("Customer Service").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Created").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StoredScript_InATeamDescription_IsShownAsTextAndNeverRuns()
    {
        var page = await browser.SignInAsync("admin");
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        await BrowserFixture.OpenInteractiveAsync(page, "/admin/business-units");
        await FillAsync(page, "Name", "Scripted <script>alert(1)</script>");
        await FillAsync(page, "Code", "XSS");
        await FillAsync(page, "Description", "<img src=x onerror=alert(2)>");
        await BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create business unit" }), new Regex("/admin/business-units/[0-9a-f-]{36}$"));

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByText("<img src=x onerror=alert(2)>").First).ToBeVisibleAsync();
        dialogs.ShouldBe(0);
        await page.Context.CloseAsync();
    }

    /// <summary>Fills a text box and leaves it, so MudBlazor (which binds on change) has the value before the next click.</summary>
    private static async Task FillAsync(IPage page, string label, string value)
    {
        var field = Field(page, label);
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>A text box by its label; MudBlazor appends "*" to the labels of required fields.</summary>
    private static ILocator Field(IPage page, string label) =>
        page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}\\*?$") });
}
