using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Platform;

public sealed partial class SignInTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("requester", "/portal")]
    [InlineData("agent", "/work")]
    [InlineData("lead", "/work")]
    [InlineData("problemmgr", "/problems")]
    [InlineData("changemgr", "/changes")]
    [InlineData("cab", "/changes")]
    [InlineData("owner", "/services")]
    [InlineData("leader", "/cockpit")]
    [InlineData("exec", "/reports")]
    [InlineData("admin", "/admin")]
    public async Task SignIn_EachRole_LandsOnItsHomePageWithLiveData(string userName, string home)
    {
        var page = await browser.SignInAsync(userName);

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == home);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        (await page.ContentAsync()).ShouldNotContain("An unhandled error has occurred");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnLoginWithOneMessage()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not correct");
        new Uri(page.Url).AbsolutePath.ShouldBe("/login");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ProtectedPage_Anonymous_RedirectsToLogin()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/admin");

        await page.WaitForURLAsync(LoginUrl());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Requester_OpensAdminPage_IsRefused()
    {
        var page = await browser.SignInAsync("requester");

        await page.GotoAsync("/admin");

        new Uri(page.Url).AbsolutePath.ShouldNotBe("/admin");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Cockpit_Leader_ScreenshotForTheReadme()
    {
        var page = await browser.SignInAsync("leader");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/cockpit");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var file = Path.Combine(KeelServer.RepositoryRoot(), "docs", "screenshot.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });

        new FileInfo(file).Length.ShouldBeGreaterThan(10_000);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("/login")]
    private static partial Regex LoginUrl();
}
