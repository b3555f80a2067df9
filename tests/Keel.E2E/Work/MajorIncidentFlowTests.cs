using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Work;

/// <summary>Issue 4: an agent declares a major incident, keeps its stakeholders informed from the record, and the timeline tells the story.</summary>
public sealed class MajorIncidentFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task MajorIncident_DeclaredOnTheRecord_StakeholderAddedAndUpdated_TimelineAndPortalShowIt()
    {
        var number = await RaiseAsync("requester", $"Payroll portal unavailable {Guid.NewGuid():N}"[..32]);

        // The agent declares it major on the record: the banner says so and the Timeline and Stakeholders tabs appear.
        var agent = await browser.SignInAsync("agent", 1400, 1100);
        await BrowserFixture.OpenInteractiveAsync(agent, $"/work/incidents/{number}");
        await agent.GetByText("Major incident", new() { Exact = true }).ClickAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("major-banner")).ToContainTextAsync("declared");

        // Stakeholders: the service's owner is offered, and kept informed once chosen.
        await agent.GetByRole(AriaRole.Tab, new() { Name = "Stakeholders and updates" }).ClickAsync();
        var offered = agent.GetByTestId("suggestions");
        await Assertions.Expect(offered).ToContainTextAsync("Owner of Workplace Services");
        await offered.Locator("[data-person]").First.GetByRole(AriaRole.Checkbox).CheckAsync();
        await agent.GetByRole(AriaRole.Button, new() { Name = "Add selected (1)" }).ClickAsync();
        await Assertions.Expect(agent.GetByTestId("stakeholders").Locator(".mud-list-item")).ToHaveCountAsync(1);
        var message = agent.GetByRole(AriaRole.Textbox, new() { Name = "Update for stakeholders" });
        await message.FillAsync("Payroll is **unavailable** for everyone. Submit urgent payments by e-mail to the payroll team.");
        await message.PressAsync("Tab");
        await agent.GetByTestId("send-update").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("major-banner")).ToContainTextAsync("1 stakeholder kept informed");
        await Assertions.Expect(agent.GetByTestId("major-banner")).ToContainTextAsync("next update by");
        await Assertions.Expect(agent.Locator("[data-internal=false]")).ToContainTextAsync("Major incident update");
        await Screenshot(agent, "major-stakeholders");

        // The timeline: raised, routed, declared, the update with its text, each with the time since the start.
        await agent.GetByRole(AriaRole.Tab, new() { Name = "Timeline" }).ClickAsync();
        var timeline = agent.Locator(".keel-timeline");
        await Assertions.Expect(timeline.Locator("[data-moment]")).ToHaveCountAsync(4);
        await Assertions.Expect(timeline).ToContainTextAsync("Declared a major incident");
        await Assertions.Expect(timeline.Locator("[data-moment=StakeholderUpdate] strong")).ToHaveTextAsync("unavailable");
        await Assertions.Expect(timeline.GetByTestId("elapsed").First).ToHaveTextAsync("T+0 min");
        await Screenshot(agent, "major-timeline");

        // One click from the queues.
        await BrowserFixture.OpenInteractiveAsync(agent, "/work");
        await agent.GetByRole(AriaRole.Tab, new() { Name = "Major incidents" }).ClickAsync();
        await Assertions.Expect(agent.GetByRole(AriaRole.Row).Filter(new() { HasText = number })).ToBeVisibleAsync();
        await agent.Context.CloseAsync();

        // The requester reads it in the portal: the update in the conversation and the public timeline (no routing line).
        var requester = await browser.SignInAsync("requester", 1400, 1100);
        await BrowserFixture.OpenInteractiveAsync(requester, $"/portal/items/{number}");
        await Assertions.Expect(requester.GetByTestId("major-banner")).ToBeVisibleAsync();
        await Assertions.Expect(requester.Locator(".keel-timeline [data-moment]")).ToHaveCountAsync(3);
        await Assertions.Expect(requester.GetByText("Major incident update")).ToBeVisibleAsync();
        await Screenshot(requester, "major-portal-requester");
        await requester.Context.CloseAsync();
    }

    private async Task<string> RaiseAsync(string userName, string title)
    {
        using var api = await browser.ApiAsync(userName);
        var services = await api.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var serviceId = services.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Workplace Services").GetProperty("id").GetString();
        var response = await api.PostAsJsonAsync("/api/v1/incidents", new { title, serviceId, impact = 1, urgency = 1 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });
}
