using System.Text;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Services;

/// <summary>An admin imports configuration items from a CSV file and reads which rows were left out, and why.</summary>
public sealed class CiImportTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_UploadsCsvWithOneBadRow_ReportCountsAndShowsTheBadLine()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var csv = $"""
            name,type,status,owner,attr.ip
            e2e-app-{suffix},Application,Active,owner,10.1.0.1
            e2e-db-{suffix},Database,Active,nobody-{suffix},10.1.0.2
            e2e-host-{suffix},Server,Maintenance,,10.1.0.3
            """;
        var page = await browser.SignInAsync("admin", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/configuration-items");

        await page.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/configuration-items/import$"));
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "estate.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Assertions.Expect(page.GetByTestId("chosen-file")).ToContainTextAsync("estate.csv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();

        var report = page.GetByTestId("import-report");
        await Assertions.Expect(report).ToBeVisibleAsync();
        (await report.Locator(".keel-figure").AllInnerTextsAsync()).Select(t => t.Trim()).ShouldBe(["2", "0", "1"]);
        var bad = report.GetByTestId("rejected-rows").Locator("tbody tr");
        await Assertions.Expect(bad).ToHaveCountAsync(1);
        await Assertions.Expect(bad.Locator("td").First).ToHaveTextAsync("3");
        await Assertions.Expect(bad.Locator("td").Nth(1)).ToContainTextAsync($"nobody-{suffix}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/ci-import.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Agent_OpensImportPage_AccessDenied()
    {
        var page = await browser.SignInAsync("agent");

        await page.GotoAsync("/configuration-items/import");

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/denied");
        await page.Context.CloseAsync();
    }
}
