using Keel.E2E.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Keel.E2E.Changes;

/// <summary>Issue 6's path: a change manager sees a conflict on the change calendar and resolves it by moving a change.</summary>
public sealed class ChangeCalendarTests(BrowserFixture browser)
{
    [Fact]
    public async Task ChangeManager_SeesOverlapOnCalendar_MovesTheChange_BadgeDisappears()
    {
        // Two scheduled changes on the same service at the same time today (UTC), written as change enablement would.
        var today = DateTime.UtcNow.Date;
        var first = await AddScheduledChangeAsync("CHG0990001", "Patch the mail relay", today.AddHours(10), today.AddHours(12));
        var second = await AddScheduledChangeAsync("CHG0990002", "Renew the mail certificate", today.AddHours(11), today.AddHours(13));

        var page = await browser.SignInAsync("changemgr", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/changes/calendar");
        var badge = page.GetByTestId($"conflict-{second}");
        await Assertions.Expect(badge).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"conflict-{first}")).ToBeVisibleAsync();
        await Assertions.Expect(badge).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"Overlaps {first}"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-calendar.png", FullPage = true });

        // The week view spells the reasons out under the change; the rest of the path works there too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Week" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId($"change-{second}").First).ToContainTextAsync($"Overlap: Overlaps {first}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-calendar-week.png", FullPage = true });

        // The record's number links to the record; the calendar opens the change's schedule in place.
        await Assertions.Expect(page.GetByTestId($"change-{second}").GetByRole(AriaRole.Link, new() { Name = second })).ToHaveAttributeAsync("href", $"/work/changes/{second}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Schedule {second}" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("conflict")).ToContainTextAsync(first);
        await page.GetByLabel("Planned start").FillAsync(Local(today.AddHours(14)));
        await page.GetByLabel("Planned start").PressAsync("Tab");
        await page.GetByLabel("Planned end").FillAsync(Local(today.AddHours(15)));
        await page.GetByLabel("Planned end").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("no-conflicts")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"change-{second}").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId($"conflict-{second}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId($"conflict-{first}")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/change-calendar-resolved.png", FullPage = true });
        await page.Context.CloseAsync();
    }

    /// <summary>The demo changemgr works in Europe/Berlin: the page's inputs take wall-clock times there.</summary>
    private static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"))
            .ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Inserts a Scheduled change of the first service with its change record (no endpoint creates changes yet).</summary>
    private async Task<string> AddScheduledChangeAsync(string number, string title, DateTime start, DateTime end)
    {
        await using var connection = new SqliteConnection($"Data Source={browser.Server.DatabasePath}");
        await connection.OpenAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText =
            "INSERT INTO WorkItems (Id, Kind, Number, Title, Description, ServiceId, RequesterId, ReassignmentCount, Impact, Urgency, Priority, State, " +
            "InvestmentCategory, ValueChainActivity, IsMajor, CreatedAt, UpdatedAt, ReopenCount, Version) " +
            "SELECT $id, 'Change', $number, $title, '', (SELECT Id FROM Services ORDER BY Name LIMIT 1), Id, 0, 3, 3, 4, 'Scheduled', " +
            "'Run', 'DeliverAndSupport', 0, $now, $now, 0, 0 FROM AspNetUsers WHERE UserName = 'changemgr';" +
            "INSERT INTO Changes (WorkItemId, Type, Reason, ImplementationPlan, BackoutPlan, TestPlan, PlannedStart, PlannedEnd) " +
            "VALUES ($id, 'Normal', 'Keep mail running.', '', '', '', $start, $end);";
        insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$number", number);
        insert.Parameters.AddWithValue("$title", title);
        insert.Parameters.AddWithValue("$now", Sql(DateTime.UtcNow));
        insert.Parameters.AddWithValue("$start", Sql(start));
        insert.Parameters.AddWithValue("$end", Sql(end));
        (await insert.ExecuteNonQueryAsync()).ShouldBe(2);
        return number;
    }

    private static string Sql(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
