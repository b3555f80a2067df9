using System.Net.Http.Json;
using System.Text.Json;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Changes;

/// <summary>Issue 6: a change raised by an agent waits in Authorize; a change manager finds it and approves it from its record.</summary>
public sealed class ChangeApprovalTests(BrowserFixture browser)
{
    [Fact]
    public async Task Change_LowRiskInAuthorize_ChangeManagerApprovesOnTheRecord_Scheduled()
    {
        var title = $"Patch file servers {Guid.NewGuid():N}"[..28];
        var number = await RaiseForAuthorizationAsync(title);

        var manager = await browser.SignInAsync("changemgr", 1400, 1200);
        await BrowserFixture.OpenInteractiveAsync(manager, "/changes");
        await manager.GetByLabel("Search title and description").FillAsync(title);
        await manager.GetByLabel("Search title and description").PressAsync("Tab");
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("Authorize");
        await Assertions.Expect(row).ToContainTextAsync("Low");
        await Screenshot(manager, "changes-list");

        await BrowserFixture.OpenInteractiveAsync(manager, $"/work/changes/{number}");
        await Assertions.Expect(manager.GetByTestId("risk")).ToContainTextAsync("Low risk");
        await Assertions.Expect(manager.GetByTestId("risk-explanation")).ToContainTextAsync("pre-production");
        await manager.GetByRole(AriaRole.Button, new() { Name = $"Approve {number}" }).ClickAsync();

        await Assertions.Expect(manager.GetByTestId("state")).ToHaveTextAsync("Scheduled");
        await Assertions.Expect(manager.GetByTestId("approvals")).ToContainTextAsync("Approved");
        await Screenshot(manager, "change-record");

        await BrowserFixture.OpenInteractiveAsync(manager, "/changes/new");
        await Assertions.Expect(manager.GetByText("Risk questionnaire")).ToBeVisibleAsync();
        await Screenshot(manager, "change-new");
        await manager.Context.CloseAsync();
    }

    private async Task<string> RaiseForAuthorizationAsync(string title)
    {
        using var api = await browser.ApiAsync("agent");
        var services = await api.GetFromJsonAsync<JsonElement>("/api/v1/services");
        var serviceId = services.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "Workplace Services").GetProperty("id").GetString();
        var start = DateTime.UtcNow.Date.AddDays(3).AddHours(20);
        var response = await api.PostAsJsonAsync("/api/v1/changes", new
        {
            title, serviceId, type = "Normal", reason = "Monthly security patches.", implementationPlan = "Install and reboot.",
            backoutPlan = "Uninstall the patches.", testPlan = "Open a share.", plannedStart = start, plannedEnd = start.AddHours(2),
            riskAnswers = new Dictionary<string, string> { ["testedPreProduction"] = "yes", ["backoutTested"] = "yes", ["userOutage"] = "none", ["doneBefore"] = "yes" },
        });
        response.EnsureSuccessStatusCode();
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("item").GetProperty("number").GetString()!;
        foreach (var to in new[] { "Assess", "Authorize" })
        {
            (await api.PostAsJsonAsync($"/api/v1/changes/{number}/transitions", new { to })).EnsureSuccessStatusCode();
        }
        return number;
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });
}
