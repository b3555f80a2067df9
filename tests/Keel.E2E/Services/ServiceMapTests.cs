using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Services;

public sealed class ServiceMapTests(BrowserFixture browser)
{
    private static ILocator Node(IPage page, string name) => page.Locator($"g.keel-map-node[data-name='{name}']");

    [Fact]
    public async Task Agent_ServiceMap_SelectACiAndShowItsImpactHighlightsWhatFails()
    {
        var page = await browser.SignInAsync("agent", 1440, 900);
        await BrowserFixture.OpenInteractiveAsync(page, "/services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Workplace Services" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Service map" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/map", StringComparison.Ordinal));
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        await Assertions.Expect(Node(page, "Workplace Services")).ToBeVisibleAsync();
        await Assertions.Expect(Node(page, "Device Management")).ToBeVisibleAsync();
        await Assertions.Expect(Node(page, "core-switch-01")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("path.keel-map-edge.edge-runson")).ToHaveCountAsync(1);

        await Node(page, "esx-01").ClickAsync();
        await Assertions.Expect(page.GetByTestId("map-selected-name")).ToHaveTextAsync("esx-01");
        await Assertions.Expect(Node(page, "esx-01")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show impact" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("map-impact-summary")).ToContainTextAsync("1 service and 2 configuration items");
        await Assertions.Expect(page.Locator("g.keel-map-node.failed")).ToHaveAttributeAsync("data-name", "esx-01");
        var impacted = page.Locator("g.keel-map-node.impacted");
        await Assertions.Expect(impacted).ToHaveCountAsync(3);
        (await impacted.EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.name)"))
            .ShouldBe(["Workplace Services", "Device Management", "vm-mdm-01"], ignoreOrder: true);
        await Assertions.Expect(Node(page, "core-switch-01")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("dimmed"));
        await Assertions.Expect(page.Locator("path.keel-map-edge.impact")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = "/tmp/service-map.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Agent_ServiceMap_KeyboardSelectsAndCentringShowsTheCisOwnDependencies()
    {
        var page = await browser.SignInAsync("agent");
        await BrowserFixture.OpenInteractiveAsync(page, "/services");
        await page.GetByRole(AriaRole.Link, new() { Name = "Workplace Services" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Service map" }).ClickAsync();
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        await Node(page, "vm-mdm-01").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("map-selected-name")).ToHaveTextAsync("vm-mdm-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Centre the map here" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("focus=", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "vm-mdm-01", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("g.keel-map-node")).ToHaveCountAsync(3);
        await Assertions.Expect(Node(page, "Device Management")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Whole service map" }).ClickAsync();
        await Assertions.Expect(Node(page, "Device Management")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
