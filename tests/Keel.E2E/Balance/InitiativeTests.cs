using System.Text.Json;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Balance;

/// <summary>The IT leader opens an initiative from the list and sees the work linked to it and its expected value.</summary>
public sealed class InitiativeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Leader_OpensAnInitiative_SeesItsLinkedWork()
    {
        var page = await browser.SignInAsync("leader", 1440, 1000);
        var api = page.Context.APIRequest;
        var services = JsonDocument.Parse(await (await api.GetAsync("/api/v1/services?q=Workplace%20Services")).TextAsync()).RootElement;
        var serviceId = services.GetProperty("items")[0].GetProperty("id").GetString();
        var created = await api.PostAsync("/api/v1/initiatives", new() { DataObject = new { name = "E2E self-service portal", serviceId, category = "Grow", expectedValue = 120, unit = "calls" } });
        created.Status.ShouldBe(201, await created.TextAsync());
        var initiative = JsonDocument.Parse(await created.TextAsync()).RootElement;
        var incident = JsonDocument.Parse(await (await api.PostAsync("/api/v1/incidents", new() { DataObject = new { title = "Portal form fails on submit", serviceId, impact = 2, urgency = 2 } })).TextAsync()).RootElement;
        var number = incident.GetProperty("number").GetString()!;
        var linked = await api.PatchAsync($"/api/v1/work/{number}", new()
        {
            DataObject = new { initiativeId = initiative.GetProperty("id").GetString() },
            Headers = new Dictionary<string, string> { ["If-Match"] = $"\"{incident.GetProperty("version").GetInt64()}\"" },
        });
        linked.Status.ShouldBe(200, await linked.TextAsync());

        await BrowserFixture.OpenInteractiveAsync(page, "/initiatives");
        var initiativeNumber = initiative.GetProperty("number").GetString()!;
        await page.GetByRole(AriaRole.Link, new() { Name = initiativeNumber }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/initiatives/{initiativeNumber}", StringComparison.Ordinal));

        var work = page.Locator("[aria-label='Linked work']").First;
        await Assertions.Expect(work).ToContainTextAsync(number);
        await Assertions.Expect(work).ToContainTextAsync("Portal form fails on submit");
        await Assertions.Expect(page.Locator("[data-testid=expected]")).ToContainTextAsync("120 calls");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/initiative-record.png", FullPage = true });
        await page.Context.CloseAsync();
    }
}
