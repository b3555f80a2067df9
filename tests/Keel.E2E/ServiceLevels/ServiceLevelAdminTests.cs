using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.ServiceLevels;

/// <summary>
/// Issue 5, item 3: an admin builds a calendar, watches the preview follow the target before saving, and puts a policy
/// on it. Names are unique and both are deleted at the end, so the shared demo server's clocks are as before.
/// </summary>
public sealed class ServiceLevelAdminTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_CreatesCalendarWithTwoMondayIntervals_PreviewFollowsTheTargetThenAPolicyUsesIt()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var calendarName = $"E2E desk hours {suffix}";
        var policyName = $"E2E P1 incidents {suffix}";
        using var api = await browser.ApiAsync("admin");
        try
        {
            var page = await browser.SignInAsync("admin", 1400, 1100);
            await BrowserFixture.OpenInteractiveAsync(page, "/admin/calendars/new");
            await FillAsync(Field(page, "Name"), calendarName);
            await ChooseZoneAsync(page, "Europe/Berlin");

            // Monday: 09:00–12:30 and 13:30–17:00 (the new calendar starts at 09:00–17:00 on weekdays).
            await FillAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Monday interval 1 to" }), "12:30");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add an interval on Monday" }).ClickAsync();
            await FillAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Monday interval 2 from" }), "13:30");
            await FillAsync(page.GetByRole(AriaRole.Textbox, new() { Name = "Monday interval 2 to" }), "17:00");

            // Raised on Monday 08:00 (the admin's zone is Berlin): counting starts at 09:00 and skips the lunch hour.
            var preview = page.GetByTestId("due-preview");
            await preview.Locator("input[type=datetime-local]").FillAsync("2026-03-02T08:00");
            await Assertions.Expect(preview.GetByTestId("due-local")).ToContainTextAsync("Mon 2 Mar 2026, 14:00 Europe/Berlin");
            await FillAsync(preview.GetByRole(AriaRole.Spinbutton, new() { Name = "With a target of" }), "5");
            await Assertions.Expect(preview.GetByTestId("due-local")).ToContainTextAsync("Mon 2 Mar 2026, 15:00 Europe/Berlin");
            await Screenshot(page, "sla-calendar");

            await BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create calendar" }), new Regex("/admin/calendars/[0-9a-f-]{36}$"));
            await Assertions.Expect(page.GetByText("Revision 1").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Monday interval 2 from" })).ToHaveValueAsync("13:30");
            var calendarId = page.Url[^36..];

            await BrowserFixture.OpenInteractiveAsync(page, $"/admin/sla-policies/new?calendar={calendarId}");
            await FillAsync(Field(page, "Name"), policyName);
            await page.GetByRole(AriaRole.Button, new() { Name = "P1 · Critical" }).ClickAsync();
            await FillAsync(page.GetByRole(AriaRole.Spinbutton, new() { Name = "Response target" }), "1");
            await FillAsync(page.GetByRole(AriaRole.Spinbutton, new() { Name = "Resolution target" }), "6");
            var policyPreview = page.GetByTestId("due-preview");
            await policyPreview.Locator("input[type=datetime-local]").FillAsync("2026-03-02T08:00");
            await Assertions.Expect(policyPreview.GetByTestId("due-local").First).ToContainTextAsync("Mon 2 Mar 2026, 10:00 Europe/Berlin");
            await Assertions.Expect(policyPreview.GetByTestId("due-local").Last).ToContainTextAsync("Mon 2 Mar 2026, 16:00 Europe/Berlin");
            await Screenshot(page, "sla-policy");

            await BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create policy" }), new Regex("/admin/sla-policies$"));
            var row = page.GetByTestId("policy-row").Filter(new() { HasText = policyName });
            await Assertions.Expect(row).ToContainTextAsync("P1");
            await Assertions.Expect(row).ToContainTextAsync("1 h");
            await Assertions.Expect(row).ToContainTextAsync("6 h");
            await Assertions.Expect(row).ToContainTextAsync(calendarName);
            await page.Context.CloseAsync();
        }
        finally
        {
            await DeleteAsync(api, "/api/v1/sla-policies", policyName);
            await DeleteAsync(api, "/api/v1/calendars", calendarName);
        }
    }

    private static async Task ChooseZoneAsync(IPage page, string zone)
    {
        var box = page.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex("^Time zone") }).Or(Field(page, "Time zone"));
        await box.First.FillAsync(zone.Split('/')[1]);
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = zone }).First.ClickAsync();
        await Assertions.Expect(box.First).ToHaveValueAsync(zone);
    }

    private static async Task DeleteAsync(HttpClient api, string collection, string name)
    {
        var list = await api.GetFromJsonAsync<JsonElement>($"{collection}?limit=500");
        foreach (var item in list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("name").GetString() == name))
        {
            (await api.DeleteAsync($"{collection}/{item.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();
        }
    }


    private static async Task Screenshot(IPage page, string name)
    {
        // From the top, so the fixed app bar does not cover the page header in the full-page picture.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });
    }

    /// <summary>Fills a box and leaves it, so MudBlazor (which binds on change) has the value before the next change.</summary>
    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    /// <summary>A text box by its label; MudBlazor appends " *" to the labels of required fields.</summary>
    private static ILocator Field(IPage page, string label) =>
        page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });
}
