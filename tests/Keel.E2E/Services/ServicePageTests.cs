using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Services;

public sealed class ServicePageTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("agent", false)]
    [InlineData("leader", true)]
    public async Task ServicePage_CostsTabOnlyForRolesThatMaySeeCosts(string userName, bool seesCosts)
    {
        var page = await browser.SignInAsync(userName);
        await BrowserFixture.OpenInteractiveAsync(page, "/services");

        // The first service in the list (the navigation has /services/… links too, e.g. cost pools).
        await page.Locator("main a[href^='/services/']").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/services/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Overview" })).ToBeVisibleAsync();

        var costsTabs = await page.GetByRole(AriaRole.Tab, new() { Name = "Costs" }).CountAsync();
        costsTabs.ShouldBe(seesCosts ? 1 : 0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ConfigurationItem_ImpactPanel_ListsAffectedServices()
    {
        var page = await browser.SignInAsync("owner");
        await BrowserFixture.OpenInteractiveAsync(page, "/configuration-items");

        // A CI's own page (the list also links to the CSV import).
        await page.Locator("main table a[href^='/configuration-items/']").First.ClickAsync();
        await page.WaitForURLAsync(url => Guid.TryParse(new Uri(url).AbsolutePath["/configuration-items/".Length..], out _));

        await Assertions.Expect(page.GetByText("Impact").First).ToBeVisibleAsync();
        (await page.ContentAsync()).ShouldNotContain("An unhandled error has occurred");
        await page.Context.CloseAsync();
    }
}
