using System.Net.Http.Json;
using System.Text.Json;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Balance;

/// <summary>The IT leader opens the technical-debt register: best payback first, and an item whose interest is unknown says why.</summary>
public sealed class TechDebtRegisterTests(BrowserFixture browser)
{
    [Fact]
    public async Task Leader_RegisterRanksByPaybackAndTheUnknownItemSaysWhy()
    {
        using var leader = await browser.ApiAsync("leader");
        var services = await leader.GetFromJsonAsync<JsonElement>("/api/v1/services?limit=500", TestContext.Current.CancellationToken);
        var serviceId = services.GetProperty("items").EnumerateArray().First(s => s.GetProperty("name").GetString() == "Workplace Services").GetProperty("id").GetString();
        var run = Guid.NewGuid().ToString("N")[..6];
        // Interest per remediation hour: 5/10 = 0.5 beats 2/40 = 0.05; the item with nothing to measure comes last.
        var slow = await CreateAsync(leader, new { title = $"E2E slow payback {run}", serviceId, remediationEstimateHours = 40, manualInterestHoursPerMonth = 2 });
        var unknown = await CreateAsync(leader, new { title = $"E2E unknown {run}", serviceId, remediationEstimateHours = 1 });
        var fast = await CreateAsync(leader, new { title = $"E2E fast payback {run}", serviceId, remediationEstimateHours = 10, manualInterestHoursPerMonth = 5 });

        var page = await browser.SignInAsync("leader", 1440, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/tech-debt");
        var rows = page.Locator("[data-testid=debt-register] tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = fast })).ToBeVisibleAsync();

        var texts = await rows.AllInnerTextsAsync();
        int Index(string number) => texts.ToList().FindIndex(t => t.Contains(number, StringComparison.Ordinal));
        Index(fast).ShouldBeLessThan(Index(slow));
        Index(slow).ShouldBeLessThan(Index(unknown));
        await Assertions.Expect(rows.Filter(new() { HasText = unknown })).ToContainTextAsync("Unknown (no linked incidents or problems)");
        await Assertions.Expect(rows.Filter(new() { HasText = fast })).ToContainTextAsync("Estimated");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/tech-debt.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    private static async Task<string> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/tech-debt", body);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }
}
