using System.Globalization;
using System.Text.Json;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Value;

/// <summary>
/// The IT leader opens the cockpit, reads each service's value and cost, and drills down to a service's Experience &amp;
/// value tab; the API answers the same numbers as the pages.
/// </summary>
public sealed class CockpitTests(BrowserFixture browser)
{
    [Fact]
    public async Task Leader_CockpitShowsTheApiFiguresAndDrillsDownToTheService()
    {
        var page = await browser.SignInAsync("leader", 1440, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/cockpit");

        var rows = page.Locator("[data-testid=cockpit-services] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        var api = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/v1/cockpit")).TextAsync()).RootElement;
        var services = api.GetProperty("services").EnumerateArray().ToList();
        (await rows.CountAsync()).ShouldBe(services.Count);
        foreach (var service in services)
        {
            var row = page.Locator($"[data-testid=cockpit-services] tr[data-service='{service.GetProperty("service").GetProperty("id").GetString()}']");
            Parse(await row.GetAttributeAsync("data-cost")).ShouldBe(service.GetProperty("cost").GetDecimal());
            Parse(await row.GetAttributeAsync("data-enabled")).ShouldBe(service.GetProperty("enabled").GetDecimal());
        }
        services.Sum(s => s.GetProperty("cost").GetDecimal()).ShouldBeGreaterThan(0m);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/cockpit.png", FullPage = true });

        var first = services[0].GetProperty("service");
        await rows.First.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("tab=value", StringComparison.Ordinal));
        var statement = page.Locator("[data-testid=value-statement]");
        await Assertions.Expect(statement).ToContainTextAsync($"{first.GetProperty("name").GetString()} enables");
        // The tab opens on last month: the API's statement for the same period is the same sentence.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var value = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync(
            $"/api/v1/services/{first.GetProperty("id").GetString()}/value?from={thisMonth.AddMonths(-1):yyyy-MM-dd}&to={thisMonth:yyyy-MM-dd}")).TextAsync()).RootElement;
        (await statement.InnerTextAsync()).Trim().ShouldBe(value.GetProperty("statement").GetString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/service-value-tab.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    private static decimal Parse(string? text) => decimal.Parse(text!, CultureInfo.InvariantCulture);
}
