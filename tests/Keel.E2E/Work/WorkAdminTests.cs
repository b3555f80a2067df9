using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Work;

/// <summary>
/// Issue 4, items 1–2: an admin tunes the priority matrix and the assignment rules. Both tests put the shared demo
/// server back as they found it (default matrix, no rules), so the other tests' incidents are routed as before.
/// </summary>
public sealed class WorkAdminTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_ChangesTheMatrix_RefusedWhenInvertedThenANewIncidentGetsTheNewPriority()
    {
        using var agentApi = await browser.ApiAsync("agent");
        var page = await browser.SignInAsync("admin", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/admin/work-settings");
        await Assertions.Expect(Cell(page, 2, 2)).ToHaveValueAsync("P3 · Moderate");

        // Impact 2 × urgency 2 as critical would rank above impact 1 × urgency 2 (P2): refused beside the grid.
        await ChooseAsync(page, page.GetByTestId("cell-2-2").Locator(".mud-select").First, "P1 · Critical");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "impact 2 × urgency 2 ranks above" })).ToBeVisibleAsync();

        await ChooseAsync(page, page.GetByTestId("cell-2-2").Locator(".mud-select").First, "P2 · High");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Work settings saved.")).ToBeVisibleAsync();
        await Screenshot(page, "admin-work-settings");
        (await RaiseAsync(agentApi, "Shared drive slow for the team", impact: 2, urgency: 2)).GetProperty("priority").GetInt32().ShouldBe(2);

        // Back to the default with the page's own action.
        await page.GetByRole(AriaRole.Button, new() { Name = "Reset to default" }).ClickAsync();
        await Assertions.Expect(Cell(page, 2, 2)).ToHaveValueAsync("P3 · Moderate");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save settings" })).ToBeDisabledAsync();
        (await RaiseAsync(agentApi, "Shared drive slow again", impact: 2, urgency: 2)).GetProperty("priority").GetInt32().ShouldBe(3);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_AddsTwoRulesAndReordersThem_TheTesterFollowsTheOrder()
    {
        var page = await browser.SignInAsync("admin", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/admin/assignment-rules");
        await AddRuleAsync(page, "E2E printers to Network", "E2E printers", "Network", "Least loaded");
        await AddRuleAsync(page, "E2E printers to the desk", "E2E printers", "Service Desk", "Manual");
        await Assertions.Expect(page.GetByTestId("rule-row")).ToHaveCountAsync(2);

        var tester = page.GetByTestId("rule-test");
        await ChooseServiceAsync(page, tester, "Workplace Services");
        await Field(tester, "Category").FillAsync("e2e PRINTERS");
        await tester.GetByText("Describe a new item").ClickAsync();
        await tester.GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();
        var answer = page.GetByTestId("rule-test-answer");
        await Assertions.Expect(answer).ToContainTextAsync("Rule 1 · E2E printers to Network wins.");
        await Assertions.Expect(answer).ToContainTextAsync("right now it would go to");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move E2E printers to the desk up" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("rule-row").First).ToContainTextAsync("E2E printers to the desk");
        await tester.GetByRole(AriaRole.Button, new() { Name = "Test" }).ClickAsync();
        await Assertions.Expect(answer).ToContainTextAsync("Rule 1 · E2E printers to the desk wins.");
        await Assertions.Expect(answer).ToContainTextAsync("it waits in the team's queue");
        await Assertions.Expect(page.GetByTestId("strategies")).ToContainTextAsync("Network");
        await Screenshot(page, "admin-assignment-rules");

        foreach (var name in new[] { "E2E printers to Network", "E2E printers to the desk" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete rule" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = name })).ToHaveCountAsync(0);
        }
        await Assertions.Expect(page.GetByTestId("rule-row")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private static ILocator Cell(IPage page, int impact, int urgency) =>
        page.GetByRole(AriaRole.Combobox, new() { Name = $"Priority for impact {impact} and urgency {urgency}" });

    private static async Task AddRuleAsync(IPage page, string name, string category, string team, string strategy)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add rule" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await FillAsync(Field(dialog, "Name"), name);
        // Leaving the category box by Tab would land in the CI picker, whose list opens on focus and covers the team box.
        await Field(dialog, "Category").FillAsync(category);
        await Field(dialog, "Name").ClickAsync();
        await ChooseAsync(page, dialog.GetByTestId("rule-team").Locator(".mud-select").First, team);
        await ChooseAsync(page, dialog.GetByTestId("rule-strategy").Locator(".mud-select").First, strategy);
        if (name.EndsWith("Network", StringComparison.Ordinal))
        {
            await Screenshot(page, "admin-assignment-rule-dialog");
        }
        await dialog.GetByTestId("save-rule").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("rule-row").Filter(new() { HasText = name })).ToContainTextAsync(team);
    }

    private static async Task ChooseServiceAsync(IPage page, ILocator scope, string service)
    {
        var box = scope.GetByRole(AriaRole.Combobox, new() { Name = "Service" });
        await box.FillAsync(service[..9]);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = service }).First.ClickAsync();
        await Assertions.Expect(box).ToHaveValueAsync(service);
    }


    private static async Task<JsonElement> RaiseAsync(HttpClient api, string title, int impact, int urgency)
    {
        var services = await api.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var serviceId = services.GetProperty("items")[0].GetProperty("id").GetString();
        var response = await api.PostAsJsonAsync("/api/v1/incidents", new { title, serviceId, impact, urgency });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });

    /// <summary>Opens a MudBlazor select and picks an option by its text.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        try
        {
            await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync(new() { Timeout = 5000 });
        }
        catch (TimeoutException)
        {
            await Screenshot(page, "debug-choose");
            System.IO.File.WriteAllText("/tmp/debug-choose.html", await page.ContentAsync());
            throw;
        }
    }

    /// <summary>Fills a box and leaves it, so MudBlazor (which binds on change) has the value before the next click.</summary>
    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>A text box by its label; MudBlazor appends " *" to the labels of required fields.</summary>
    private static ILocator Field(ILocator scope, string label) =>
        scope.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });
}
