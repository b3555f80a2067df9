using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Services;

/// <summary>A service owner opens the request catalogue from the navigation and narrows it to one service.</summary>
public sealed class CatalogListTests(BrowserFixture browser)
{
    [Fact]
    public async Task Owner_OpensRequestCatalogue_SeesItemsOfEveryServiceAndLinksToTheEditor()
    {
        var page = await browser.SignInAsync("owner", 1400, 900);
        await BrowserFixture.OpenInteractiveAsync(page, "/services");

        await page.GetByRole(AriaRole.Link, new() { Name = "Request catalogue" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/services/catalog");
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        var rows = page.Locator("tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "VPN access" })).ToContainTextAsync("Remote Access");
        await Assertions.Expect(rows.Filter(new() { HasText = "New laptop" })).ToContainTextAsync("Everyone");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/request-catalogue.png", FullPage = true });

        await rows.Filter(new() { HasText = "VPN access" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.Contains("/catalogue/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "VPN access" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
