using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Changes;

/// <summary>Issue 6's change calendar in the browser: keeping freeze windows, and subscribing to the schedule's iCalendar feed.</summary>
public sealed class ChangeWindowTests(BrowserFixture browser)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public async Task ChangeManager_CreatesFreezeWindow_SeesItShadedOnTheCalendar()
    {
        // Next month's 10th to 12th, in changemgr's zone (Europe/Berlin): a month the other tests leave empty.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Berlin));
        var first = new DateOnly(today.Year, today.Month, 10).AddMonths(1);
        var name = $"Year-end close {first:yyyyMM}";
        var page = await browser.SignInAsync("changemgr", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/changes/calendar");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Windows" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "New window" }).ClickAsync();
        await page.WaitForURLAsync("**/changes/windows/new");
        await page.Locator("main[data-interactive=true]").WaitForAsync();

        // Saving without a name or times says so next to each field, and creates nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create window" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Name is required.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Start is required", new() { Exact = false })).ToBeVisibleAsync();

        await FillAsync(page, "Name", name);
        await FillAsync(page, "Reason", "Finance closes the books: no changes.");
        await FillDateAsync(page, "Start", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00");
        await FillDateAsync(page, "End", first.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T18:00");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-window-new.png", FullPage = true });
        await BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create window" }), new Regex("/changes/calendar\\?date="));

        // The calendar opens on the window's month with its three days shaded and named; the day after is not.
        await Assertions.Expect(page.GetByTestId("period")).ToHaveTextAsync(first.ToString("MMMM yyyy", CultureInfo.InvariantCulture));
        foreach (var day in new[] { first, first.AddDays(1), first.AddDays(2) })
        {
            var cell = page.Locator($"[data-day='{day:yyyy-MM-dd}']");
            await Assertions.Expect(cell).ToHaveClassAsync(new Regex("keel-cal-freeze"));
            await Assertions.Expect(cell).ToContainTextAsync(name);
        }
        await Assertions.Expect(page.Locator($"[data-day='{first.AddDays(3):yyyy-MM-dd}']")).Not.ToHaveClassAsync(new Regex("keel-cal-freeze"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-calendar-freeze.png", FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Week" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("period")).ToContainTextAsync("Week of");
        await Assertions.Expect(page.Locator($"[data-day='{first:yyyy-MM-dd}']")).ToHaveClassAsync(new Regex("keel-cal-freeze"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-calendar-freeze-week.png", FullPage = true });

        // The Windows tab lists it with its times; its page edits it.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Windows" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete window" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-window-edit.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Agent_SubscribesToTheCalendar_ShownUrlServesICalendar()
    {
        var page = await browser.SignInAsync("agent", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/changes/calendar");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByText("opens only this calendar feed", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("feed-status")).ToHaveTextAsync("You have no feed.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create a feed address" }).ClickAsync();
        var shown = page.GetByTestId("feed-url");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("feed-status")).ToContainTextAsync("You have a feed since");
        var url = (await shown.TextContentAsync())!.Trim();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-calendar-feed.png", FullPage = true });

        var response = await page.Context.APIRequest.GetAsync(url);
        var text = await response.TextAsync();
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldStartWith("text/calendar");
        text.ShouldStartWith("BEGIN:VCALENDAR\r\n");
        text.TrimEnd().ShouldEndWith("END:VCALENDAR");
        text.ShouldContain("VERSION:2.0");
        // Content lines (RFC 5545): CRLF-separated "NAME[;params]:value", continuations start with a space.
        text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .ShouldAllBe(line => line.StartsWith(' ') || Regex.IsMatch(line, "^[A-Z][A-Z0-9-]*[;:]"));

        // Revoking stops the address at once.
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the feed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("feed-status")).ToHaveTextAsync("You have no feed.");
        (await page.Context.APIRequest.GetAsync(url)).Status.ShouldBe(404);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ChangeManager_CreatesWeeklyMaintenanceWindowForACi_SeesItsRecurrenceThenDeletesIt()
    {
        using var api = await browser.ApiAsync("changemgr");
        var ci = (await api.GetFromJsonAsync<JsonElement>("/api/v1/configuration-items?limit=1", TestContext.Current.CancellationToken)).GetProperty("items")[0].GetProperty("name").GetString()!;
        var name = $"Saturday patch night {Guid.NewGuid():N}"[..28];
        var page = await browser.SignInAsync("changemgr", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/changes/windows/new");

        await page.GetByText("Maintenance window", new() { Exact = true }).ClickAsync();
        await page.GetByText("Every week", new() { Exact = true }).ClickAsync();
        await page.Locator(".mud-chip").Filter(new() { HasTextString = "Sat" }).ClickAsync();
        await FillAsync(page, "Name", name);
        await FillDateAsync(page, "Opens at", "22:00");
        var picker = page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Add a configuration item") })
            .Or(page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^Add a configuration item") }));
        await picker.First.FillAsync(ci);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = ci }).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("Configuration items")).ToContainTextAsync(ci);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-window-weekly.png", FullPage = true });
        await BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create window" }), new Regex("/changes/calendar$"));

        // A weekly window opens in every month: this month's maintenance list names it, the Windows tab says when.
        await Assertions.Expect(page.GetByText(name).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Windows" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasTextString = name });
        await Assertions.Expect(row).ToContainTextAsync("Every Sat at 22:00 for 4 h (Europe/Berlin)");
        await Assertions.Expect(row).ToContainTextAsync(ci);

        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete window" }).ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Delete window" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/changes/calendar\\?tab=windows$"));
        await Assertions.Expect(page.Locator(".mud-table-root").Or(page.GetByText("No windows yet.")).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveCountAsync(0);
        (await api.GetFromJsonAsync<JsonElement>("/api/v1/change-windows?kind=Maintenance&limit=500", TestContext.Current.CancellationToken)).GetProperty("items").EnumerateArray()
            .ShouldNotContain(w => w.GetProperty("name").GetString() == name);
        await page.Context.CloseAsync();
    }

    /// <summary>Fills a MudBlazor box by its label (required ones end with " *") and leaves it, so the value is bound before the next click.</summary>
    private static async Task FillAsync(IPage page, string label, string value)
    {
        var field = page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    private static async Task FillDateAsync(IPage page, string label, string value)
    {
        var field = page.GetByLabel(new Regex($"^{Regex.Escape(label)}( ?\\*)?$"));
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }
}
