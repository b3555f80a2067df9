using System.Globalization;
using System.Text.Json;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Balance;

/// <summary>
/// The IT leader sets a capacity plan, the desk logs Run time two months in a row, and the balance page shows Run
/// drifting beyond its target; clicking through leads to the work behind it and on to its record.
/// </summary>
public sealed class BalanceTests(BrowserFixture browser)
{
    [Fact]
    public async Task Leader_BalanceShowsDriftAndDrillsDownToTheWork()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        string Month(int back) => thisMonth.AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var agent = await browser.SignInAsync("agent");
        var services = JsonDocument.Parse(await (await agent.Context.APIRequest.GetAsync("/api/v1/services?limit=1")).TextAsync()).RootElement;
        var serviceId = services.GetProperty("items")[0].GetProperty("id").GetString();
        var created = await agent.Context.APIRequest.PostAsync("/api/v1/incidents", new()
        {
            DataObject = new { title = "Nightly batch keeps failing (balance E2E)", serviceId, impact = 2, urgency = 2 },
        });
        created.Status.ShouldBe(201);
        var number = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("number").GetString()!;
        foreach (var back in new[] { 2, 1 })
        {
            var logged = await agent.Context.APIRequest.PostAsync($"/api/v1/incidents/{number}/work-logs", new()
            {
                DataObject = new { minutes = 600, date = thisMonth.AddMonths(-back).AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            });
            logged.Status.ShouldBe(201);
        }
        await agent.Context.CloseAsync();

        var page = await browser.SignInAsync("leader", 1440, 1000);
        var plan = await page.Context.APIRequest.PutAsync($"/api/v1/balance/targets/{Month(3)}", new()
        {
            DataObject = new { run = 40, debt = 20, grow = 25, transform = 15, tolerance = 5 },
        });
        plan.Status.ShouldBeOneOf(201, 428); // 428: set by an earlier run on the same server
        await BrowserFixture.OpenInteractiveAsync(page, "/balance");

        var alert = page.Locator("[data-testid=balance-alert]").Filter(new() { HasText = "Run" });
        await Assertions.Expect(alert).ToContainTextAsync("above target");
        var cell = page.Locator($"[data-testid=balance-Run] [data-testid=balance-cell][data-period='{Month(1)}']");
        (await cell.GetAttributeAsync("data-drift")).ShouldBe("Over");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/balance.png", FullPage = true });

        await cell.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"/balance/work?period={Month(1)}&category=Run", StringComparison.Ordinal));
        var row = page.Locator("[data-testid=balance-work-item]").Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("10");
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(number, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
