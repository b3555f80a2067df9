using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Services;

/// <summary>The IT leader opens a service's Service levels tab and sees the last twelve months of attainment.</summary>
public sealed class ServiceLevelsTabTests(BrowserFixture browser)
{
    [Fact]
    public async Task Leader_OpensServiceLevelsTab_SeesTwelveMonthsOfAttainment()
    {
        var page = await browser.SignInAsync("leader", 1400, 900);
        await BrowserFixture.OpenInteractiveAsync(page, "/services");
        await page.Locator("main a[href^='/services/']").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/services/", StringComparison.Ordinal));
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Service levels" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=attainment-months] tbody tr")).ToHaveCountAsync(12);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/service-levels-tab.png", FullPage = true });
        await page.Context.CloseAsync();
    }
}
