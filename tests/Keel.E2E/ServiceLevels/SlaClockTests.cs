using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.ServiceLevels;

/// <summary>Issue "Service levels": an agent sees an incident's resolution clock pause with its reason and run on.</summary>
public sealed class SlaClockTests(BrowserFixture browser)
{
    [Fact]
    public async Task RecordPage_PutOnHoldThenResumed_ShowsTheClockPausedWithTheReasonAndTheDueTimeMovesOn()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        using var admin = await browser.ApiAsync("admin");
        var calendar = await PostAsync(admin, "/api/v1/calendars", new { name = $"E2E clocks {run}", timeZone = "UTC", alwaysOpen = true });
        var policy = await PostAsync(admin, "/api/v1/sla-policies", new
        {
            name = $"E2E P1 incidents {run}", agreement = "Sla", order = -1000, kinds = new[] { "Incident" }, priorities = new[] { 1 },
            calendarId = calendar.GetProperty("id").GetString(), resolution = new { amount = 8, unit = "Hours" },
        });
        try
        {
            using var requester = await browser.ApiAsync("requester");
            var services = await requester.GetFromJsonAsync<JsonElement>("/api/v1/services", TestContext.Current.CancellationToken);
            var raised = await PostAsync(requester, "/api/v1/incidents", new
            {
                title = $"Payroll screen frozen {run}", serviceId = services.GetProperty("items")[0].GetProperty("id").GetString(), impact = 1, urgency = 1,
            });
            var number = raised.GetProperty("number").GetString()!;

            var agent = await browser.SignInAsync("agent", 1400, 1000);
            await BrowserFixture.OpenInteractiveAsync(agent, $"/work/incidents/{number}");
            var clock = agent.Locator("[data-testid=sla-clock][data-kind=resolution]");
            await Assertions.Expect(clock).ToHaveAttributeAsync("data-state", "running");
            var dueBefore = await DueAsync(clock);

            await agent.GetByRole(AriaRole.Button, new() { Name = "Put on hold" }).ClickAsync();
            var hold = agent.GetByRole(AriaRole.Dialog);
            await hold.Locator(".mud-select").First.ClickAsync();
            await agent.GetByRole(AriaRole.Option, new() { Name = "Awaiting the caller" }).ClickAsync();
            await hold.GetByTestId("confirm-transition").ClickAsync();
            await Assertions.Expect(clock).ToHaveAttributeAsync("data-state", "paused");
            await Assertions.Expect(clock.GetByTestId("sla-state")).ToHaveTextAsync("Paused");
            await Assertions.Expect(clock.GetByTestId("sla-pause")).ToContainTextAsync("Awaiting caller");
            await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "sla-record-paused.png"), FullPage = true });

            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken); // the pause must last long enough to move the due time visibly in its data
            await agent.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
            await Assertions.Expect(clock).ToHaveAttributeAsync("data-state", "running");
            await Assertions.Expect(clock.GetByTestId("sla-pause")).ToContainTextAsync(new Regex("Awaiting caller"));
            (await DueAsync(clock)).ShouldBeGreaterThan(dueBefore.AddSeconds(1));
        }
        finally
        {
            await DeactivateAsync(admin, policy);
        }
    }

    private static async Task<DateTime> DueAsync(ILocator clock) =>
        DateTime.Parse((await clock.GetAttributeAsync("data-due"))!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);


    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Leaves the shared server's other incidents alone: the policy stops matching (it cannot be deleted once it timed an item).</summary>
    private static async Task DeactivateAsync(HttpClient admin, JsonElement policy)
    {
        var path = $"/api/v1/sla-policies/{policy.GetProperty("id").GetString()}";
        var etag = (await admin.GetAsync(path)).Headers.ETag!.ToString();
        using var patch = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { isActive = false }) };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        (await admin.SendAsync(patch)).EnsureSuccessStatusCode();
    }
}
