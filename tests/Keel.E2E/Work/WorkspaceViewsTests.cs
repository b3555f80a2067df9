using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Work;

/// <summary>Issue 4, item 3: saved views and the address of the queues, and the keyboard shortcuts of the workspace.</summary>
public sealed class WorkspaceViewsTests(BrowserFixture browser)
{
    [Fact]
    public async Task SavedView_SavedAsDefault_OpensOnReturnAndFromTheList_ShortcutsOpenTheRecordAndReply()
    {
        var word = $"payroll{Guid.NewGuid():N}"[..16];
        string number;
        using (var api = await browser.ApiAsync("requester"))
        {
            number = await RaiseAsync(api, $"Export fails {word}", impact: 1, urgency: 1);
        }

        // agent2 narrows the unassigned queue to P1s matching a word, and the address follows each step.
        var agent = await browser.SignInAsync("agent2", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(agent, "/work?kind=incident&queue=mine");
        await Assertions.Expect(agent.GetByTestId("shortcut-hint")).ToContainTextAsync("Press ? for shortcuts");
        await ShortcutsReadyAsync(agent);
        await BrowserFixture.ClickUntilUrlAsync(agent, agent.GetByRole(AriaRole.Tab, new() { Name = "Unassigned" }), new Regex("queue=unassigned"));
        await agent.GetByLabel("Priority").ClickAsync();
        await agent.GetByRole(AriaRole.Option, new() { Name = "P1 · Critical" }).ClickAsync();
        await agent.WaitForURLAsync(new Regex("priority=1"));
        await agent.Keyboard.PressAsync("Escape");
        await Assertions.Expect(agent.Locator(".mud-popover-open:not(.mud-tooltip)")).ToHaveCountAsync(0);
        await agent.GetByRole(AriaRole.Heading, new() { Name = "Queues" }).ClickAsync();
        await agent.Keyboard.PressAsync("/");
        await Assertions.Expect(agent.Locator("#work-search")).ToBeFocusedAsync();
        await agent.Keyboard.TypeAsync(word);
        await agent.WaitForURLAsync(new Regex($"q={word}"));
        await Assertions.Expect(Row(agent, number)).ToBeVisibleAsync();

        // Saved as a view and as the default.
        await agent.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await FillAsync(Field(dialog, "Name"), "My P1s on payroll");
        await dialog.GetByLabel("Open this view when I come to the queues").CheckAsync();
        await Screenshot(agent, "work-views-save-dialog");
        await dialog.GetByTestId("confirm-saved-view").ClickAsync();
        await agent.WaitForURLAsync(new Regex("view=[0-9a-f-]{36}"));
        var chip = agent.GetByTestId("saved-view").Filter(new() { HasText = "My P1s on payroll" });
        await Assertions.Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        await Screenshot(agent, "work-views-saved");

        // Coming back to /work opens the default view; the list still has it.
        await BrowserFixture.OpenInteractiveAsync(agent, "/work");
        await agent.WaitForURLAsync(new Regex($"queue=unassigned.*priority=1.*q={word}.*view="));
        await ShortcutsReadyAsync(agent);
        await Assertions.Expect(Row(agent, number)).ToBeVisibleAsync();

        // Another queue, then one click on the view; the back button returns to the queue before.
        await BrowserFixture.ClickUntilUrlAsync(agent, agent.GetByRole(AriaRole.Tab, new() { Name = "Mine" }), new Regex("queue=mine"));
        await Assertions.Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Update “My P1s on payroll”" })).ToBeVisibleAsync();
        await BrowserFixture.ClickUntilUrlAsync(agent, chip, new Regex("queue=unassigned"));
        await Assertions.Expect(Row(agent, number)).ToBeVisibleAsync();
        await agent.GoBackAsync();
        await agent.WaitForURLAsync(new Regex("queue=mine"));
        await Assertions.Expect(agent.GetByRole(AriaRole.Tab, new() { Name = "Mine" })).ToHaveAttributeAsync("aria-selected", "true");
        await agent.GoForwardAsync();
        await agent.WaitForURLAsync(new Regex("queue=unassigned"));
        await Assertions.Expect(Row(agent, number)).ToBeVisibleAsync();

        // "?" lists the shortcuts; j selects the first row and Enter opens it.
        await agent.Keyboard.PressAsync("?");
        var help = agent.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Keyboard shortcuts" });
        await Assertions.Expect(help).ToContainTextAsync("Select the next item");
        await Screenshot(agent, "work-views-shortcuts-help");
        await agent.Keyboard.PressAsync("Escape");
        await Assertions.Expect(help).ToHaveCountAsync(0);
        await agent.Keyboard.PressAsync("j");
        await Assertions.Expect(agent.Locator("tr.keel-cursor")).ToContainTextAsync(number);
        await Screenshot(agent, "work-views-cursor");
        await agent.Keyboard.PressAsync("Enter");
        await agent.WaitForURLAsync(new Regex($"/work/incidents/{number}$"));
        await agent.Locator("main[data-interactive=true]").WaitForAsync();

        // On the record: r starts a reply, Esc leaves it, n an internal note, a assigns to me.
        await Assertions.Expect(agent.GetByTestId("state")).ToHaveTextAsync("New");
        await ShortcutsReadyAsync(agent);
        await agent.Keyboard.PressAsync("r");
        await Assertions.Expect(Field(agent, "Your reply")).ToBeFocusedAsync();
        await agent.Keyboard.TypeAsync("Looking");
        await agent.Keyboard.PressAsync("Escape");
        await Assertions.Expect(Field(agent, "Your reply")).ToHaveValueAsync("");
        await agent.Keyboard.PressAsync("n");
        await Assertions.Expect(Field(agent, "Internal note (IT staff only)")).ToBeFocusedAsync();
        await agent.Keyboard.PressAsync("Escape");
        await agent.Keyboard.PressAsync("a");
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Assign to me" })).ToBeDisabledAsync();
        await agent.Keyboard.PressAsync("?");
        await Assertions.Expect(agent.GetByRole(AriaRole.Dialog)).ToContainTextAsync("Write an internal note");
        await Screenshot(agent, "work-views-record-help");
        await agent.Context.CloseAsync();
    }

    /// <summary>The page listens to the keyboard once its shortcut module is loaded; keys pressed before are not seen.</summary>
    private static Task ShortcutsReadyAsync(IPage page) => page.Locator("[data-testid=shortcut-hint][data-ready=true]").WaitForAsync();

    private static ILocator Row(IPage page, string number) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });


    private static async Task<string> RaiseAsync(HttpClient api, string title, int impact, int urgency)
    {
        var services = await api.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var serviceId = services.GetProperty("items")[0].GetProperty("id").GetString();
        var response = await api.PostAsJsonAsync("/api/v1/incidents", new { title, serviceId, impact, urgency });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });

    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    private static ILocator Field(IPage page, string label) =>
        page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });

    private static ILocator Field(ILocator scope, string label) =>
        scope.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });
}
