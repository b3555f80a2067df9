using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Work;

/// <summary>Issue "Work": a requester reports a problem in the portal and the service desk works it to resolution.</summary>
public sealed class WorkFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task Incident_ReportedInPortal_WorkedFromUnassignedQueue_RequesterSeesItResolvedWithoutInternalNotes()
    {
        var title = $"Wi-Fi drops every hour {Guid.NewGuid():N}"[..32];

        // The requester reports the problem in business language.
        var requester = await browser.SignInAsync("requester", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(requester, "/portal");
        await requester.GetByRole(AriaRole.Link, new() { Name = "Report a problem" }).ClickAsync();
        await requester.WaitForURLAsync(new Regex("/portal/incidents/new$"));
        await requester.Locator("main[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(requester.Locator(".mud-select").First).ToContainTextAsync("Workplace Services");
        await FillAsync(Field(requester, "In a few words"), title);
        await FillAsync(Field(requester, "What happened?"), "Since **Monday** the laptop loses the network.");
        await requester.GetByRole(AriaRole.Radio, new() { Name = "I can't work at all" }).CheckAsync();
        await requester.GetByTestId("report-problem").ClickAsync();
        await requester.WaitForURLAsync(new Regex("/portal/items/INC\\d{7}"));
        var number = Regex.Match(requester.Url, "INC\\d{7}").Value;
        await Assertions.Expect(requester.GetByTestId("state")).ToHaveTextAsync("New");
        await Assertions.Expect(requester.Locator(".keel-markdown strong").First).ToHaveTextAsync("Monday");
        await Screenshot(requester, "work-portal-reported");

        // The agent finds it in the unassigned queue, takes it, asks the caller, notes internally, then resolves it.
        var agent = await browser.SignInAsync("agent", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(agent, "/work");
        await agent.GetByRole(AriaRole.Tab, new() { Name = "Unassigned" }).ClickAsync();
        await agent.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await agent.WaitForURLAsync(new Regex($"/work/incidents/{number}$"));
        await agent.Locator("main[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(agent.GetByTestId("state")).ToHaveTextAsync("New");
        await Screenshot(agent, "work-record-new");

        await agent.GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Button, new() { Name = "Assign to me" })).ToBeDisabledAsync();

        await agent.GetByRole(AriaRole.Button, new() { Name = "Put on hold" }).ClickAsync();
        var hold = agent.GetByRole(AriaRole.Dialog);
        await ChooseAsync(agent, hold.Locator(".mud-select").First, "Awaiting the caller");
        await hold.GetByTestId("confirm-transition").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("state")).ToHaveTextAsync("On hold");

        await agent.GetByRole(AriaRole.Radio, new() { Name = "Internal note" }).CheckAsync();
        await FillAsync(Field(agent, "Internal note (IT staff only)"), "Access point AP-3 logs show roaming errors.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Add internal note" }).ClickAsync();
        await Assertions.Expect(agent.Locator("[data-internal=true]")).ToContainTextAsync("roaming errors");
        await agent.GetByRole(AriaRole.Radio, new() { Name = "Public reply" }).CheckAsync();
        await FillAsync(Field(agent, "Your reply"), "We replaced the access point on your floor.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(agent.Locator("[data-internal=false]")).ToContainTextAsync("replaced the access point");

        await agent.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        var resolve = agent.GetByRole(AriaRole.Dialog);
        await ChooseAsync(agent, resolve.Locator(".mud-select").First, "Solved permanently");
        await FillAsync(Field(resolve, "Resolution note"), "Replaced access point AP-3.");
        await Screenshot(agent, "work-dialog-resolve");
        await resolve.GetByTestId("confirm-transition").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("state")).ToHaveTextAsync("Resolved");
        await Screenshot(agent, "work-record-resolved");

        // The requester is told by e-mail too, with the resolution and a link to their item in the portal.
        var mail = await browser.WaitForMailAsync("requester@keel-demo.example", m => m.Subject == $"{number} is resolved: {title}");
        var text = mail.TextBody.ShouldNotBeNull();
        text.ShouldContain("Replaced access point AP-3.");
        text.ShouldContain($"{browser.Server.Address.ToString().TrimEnd('/')}/portal/items/{number}");
        text.ShouldNotContain("roaming errors");

        // The requester sees it resolved, with the public reply and without the internal note.
        await BrowserFixture.OpenInteractiveAsync(requester, $"/portal/items/{number}");
        await Assertions.Expect(requester.GetByTestId("state")).ToHaveTextAsync("Resolved");
        await Assertions.Expect(requester.GetByText("We replaced the access point on your floor.")).ToBeVisibleAsync();
        await Assertions.Expect(requester.GetByText("Replaced access point AP-3.")).ToBeVisibleAsync();
        (await requester.ContentAsync()).ShouldNotContain("roaming errors");
        await Assertions.Expect(requester.GetByRole(AriaRole.Button, new() { Name = "Reopen" })).ToBeVisibleAsync();
        await Screenshot(requester, "work-portal-resolved");

        await BrowserFixture.OpenInteractiveAsync(requester, "/portal/items");
        await requester.GetByRole(AriaRole.Tab, new() { Name = "Incidents" }).ClickAsync();
        await Assertions.Expect(requester.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToContainTextAsync("Resolved");
        await Screenshot(requester, "work-portal-items");
        await agent.Context.CloseAsync();
        await requester.Context.CloseAsync();
    }

    [Fact]
    public async Task Request_ApprovedByManager_TaskCompletedByAgent_RequesterSeesItFulfilled()
    {
        // requester2 (Finance) reports to exec, who approves the laptop requests of their people.
        var requester = await browser.SignInAsync("requester2", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(requester, "/portal");
        await requester.GetByRole(AriaRole.Link, new() { Name = "New laptop" }).ClickAsync();
        await requester.WaitForURLAsync(new Regex("/portal/catalogue/[0-9a-f-]{36}$"));
        await requester.Locator("main[data-interactive=true]").WaitForAsync();

        // Submitting without the required model shows the error next to the field.
        await requester.GetByTestId("submit-request").ClickAsync();
        await Assertions.Expect(requester.Locator("[data-field=model] [role=alert]")).ToBeVisibleAsync();
        await requester.GetByRole(AriaRole.Radio, new() { Name = "Performance 16\"" }).CheckAsync();
        await FillAsync(Field(requester, "Why do you need it?"), "Video editing for the quarterly campaign.");
        await requester.GetByTestId("submit-request").ClickAsync();
        await requester.WaitForURLAsync(new Regex("/portal/items/REQ\\d{7}"));
        var number = Regex.Match(requester.Url, "REQ\\d{7}").Value;
        await Assertions.Expect(requester.GetByTestId("state")).ToHaveTextAsync("Awaiting approval");
        await Assertions.Expect(requester.GetByText("Performance 16\"")).ToBeVisibleAsync();
        await Screenshot(requester, "work-portal-request");

        var approver = await browser.SignInAsync("exec", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(approver, "/portal");
        await Assertions.Expect(approver.GetByText("waits for your decision").First).ToBeVisibleAsync();
        await Screenshot(approver, "work-portal-home");
        await approver.GetByRole(AriaRole.Link, new() { Name = "Approvals" }).Last.ClickAsync();
        await approver.WaitForURLAsync(new Regex("/portal/approvals$"));
        await Assertions.Expect(approver.GetByRole(AriaRole.Button, new() { Name = $"Approve {number}" })).ToBeVisibleAsync();
        await Screenshot(approver, "work-portal-approvals");
        await approver.GetByRole(AriaRole.Button, new() { Name = $"Approve {number}" }).ClickAsync();
        await Assertions.Expect(approver.GetByRole(AriaRole.Button, new() { Name = $"Approve {number}" })).ToHaveCountAsync(0);
        await approver.Context.CloseAsync();

        var agent = await browser.SignInAsync("agent", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(agent, $"/work/requests/{number}");
        await Assertions.Expect(agent.GetByTestId("state")).ToHaveTextAsync("In fulfilment");
        await Assertions.Expect(agent.GetByText("Video editing for the quarterly campaign.")).ToBeVisibleAsync();
        await Screenshot(agent, "work-record-request");
        await agent.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^TSK\\d{7}$") }).ClickAsync();
        await agent.WaitForURLAsync(new Regex("/work/tasks/TSK\\d{7}$"));
        await agent.Locator("main[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(agent.GetByText(number).First).ToBeVisibleAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Complete" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("state")).ToHaveTextAsync("Done");
        await agent.Context.CloseAsync();

        await BrowserFixture.OpenInteractiveAsync(requester, $"/portal/items/{number}");
        await Assertions.Expect(requester.GetByTestId("state")).ToHaveTextAsync("Fulfilled");
        await Screenshot(requester, "work-portal-fulfilled");
        await requester.Context.CloseAsync();
    }

    [Fact]
    public async Task Queue_BulkAssignAndMove_ReportsTheItemThatCouldNotMove()
    {
        using var api = await browser.ApiAsync("requester");
        var first = await RaiseAsync(api, "Docking station dead");
        var second = await RaiseAsync(api, "Headset crackles");

        var agent = await browser.SignInAsync("agent", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(agent, "/work");
        await agent.GetByRole(AriaRole.Tab, new() { Name = "Unassigned" }).ClickAsync();
        await Row(agent, first).GetByRole(AriaRole.Checkbox).CheckAsync();
        await Row(agent, second).GetByRole(AriaRole.Checkbox).CheckAsync();
        await agent.GetByRole(AriaRole.Toolbar, new() { Name = "Selected items" }).GetByRole(AriaRole.Button, new() { Name = "Assign to me" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("bulk-report")).ToContainTextAsync("2 of 2 items assigned to you.");

        await agent.GetByRole(AriaRole.Tab, new() { Name = "Mine" }).ClickAsync();
        await Row(agent, first).GetByRole(AriaRole.Checkbox).CheckAsync();
        var toolbar = agent.GetByRole(AriaRole.Toolbar, new() { Name = "Selected items" });
        await ChooseAsync(agent, toolbar.Locator(".mud-select").First, "On hold");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        var dialog = agent.GetByRole(AriaRole.Dialog);
        await ChooseAsync(agent, dialog.Locator(".mud-select").First, "Awaiting a vendor");
        await dialog.GetByTestId("confirm-transition").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("bulk-report")).ToContainTextAsync("1 of 1 item moved to on hold.");

        // Both selected; the one already on hold cannot be put on hold again, and the report names it.
        await Row(agent, first).GetByRole(AriaRole.Checkbox).CheckAsync();
        await Row(agent, second).GetByRole(AriaRole.Checkbox).CheckAsync();
        await ChooseAsync(agent, toolbar.Locator(".mud-select").First, "On hold");
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Move" }).ClickAsync();
        await ChooseAsync(agent, dialog.Locator(".mud-select").First, "Awaiting the caller");
        await dialog.GetByTestId("confirm-transition").ClickAsync();
        var report = agent.GetByTestId("bulk-report");
        await Assertions.Expect(report).ToContainTextAsync("1 of 2 items moved to on hold.");
        await Assertions.Expect(report).ToContainTextAsync(first);
        await Screenshot(agent, "work-queue-bulk");
        await agent.Context.CloseAsync();
    }

    [Fact]
    public async Task Requester_OpeningTheAgentWorkspace_IsRefused()
    {
        var page = await browser.SignInAsync("requester");
        await page.GotoAsync("/work");
        await page.WaitForURLAsync(new Regex("/denied"));
        await page.Context.CloseAsync();
    }

    private static ILocator Row(IPage page, string number) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = number });


    private static async Task<string> RaiseAsync(HttpClient api, string title)
    {
        var services = await api.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var serviceId = services.GetProperty("items")[0].GetProperty("id").GetString();
        var response = await api.PostAsJsonAsync("/api/v1/incidents", new { title, serviceId, impact = 3, urgency = 3 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });

    /// <summary>Opens a MudBlazor select and picks an option by its text.</summary>
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    /// <summary>Fills a box and leaves it, so MudBlazor (which binds on change) has the value before the next click.</summary>
    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>A text box by its label; MudBlazor appends " *" to the labels of required fields.</summary>
    private static ILocator Field(IPage page, string label) =>
        page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });

    private static ILocator Field(ILocator scope, string label) =>
        scope.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });
}
