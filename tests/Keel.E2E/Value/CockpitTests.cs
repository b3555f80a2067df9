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

    [Fact]
    public async Task Leader_SetsTheScoreWeightsAndRebuildsTheFigures_AnExecutiveMayNot()
    {
        var page = await browser.SignInAsync("leader", 1440, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/cockpit");
        await page.GetByRole(AriaRole.Link, new() { Name = "Score weights and rebuild" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/cockpit/settings", StringComparison.Ordinal));
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        await page.GetByLabel("Satisfaction *").FillAsync("50");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=weights-shares]")).ToContainTextAsync("Satisfaction 43%");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save weights" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved. Scores on every page use the new weights now.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rebuild" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=rebuild-result]")).ToContainTextAsync("Rewrote");
        var weights = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync("/api/v1/experience/weights")).TextAsync()).RootElement;
        weights.GetProperty("satisfaction").GetInt32().ShouldBe(50);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/value-settings.png", FullPage = true });
        await page.Context.CloseAsync();

        var exec = await browser.SignInAsync("exec", 1440, 1000);
        await BrowserFixture.OpenInteractiveAsync(exec, "/cockpit");
        await Assertions.Expect(exec.GetByRole(AriaRole.Link, new() { Name = "Score weights and rebuild" })).ToHaveCountAsync(0);
        await exec.GotoAsync("/cockpit/settings");
        await exec.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/denied");
        await exec.Context.CloseAsync();
    }

    private static decimal Parse(string? text) => decimal.Parse(text!, CultureInfo.InvariantCulture);
}
