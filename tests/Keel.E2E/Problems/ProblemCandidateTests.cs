using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Problems;

/// <summary>Issue 6, item 1: recurring incidents become a problem candidate that a problem manager accepts.</summary>
public sealed class ProblemCandidateTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProblemManager_AcceptsACandidate_SeesTheProblemWithItsIncidents()
    {
        using var agentApi = await browser.ApiAsync("agent");
        var services = await agentApi.GetFromJsonAsync<JsonElement>("/api/v1/services?limit=200", Ct);
        var serviceId = services.GetProperty("items").EnumerateArray().First(s => s.GetProperty("name").GetString() == "Workplace Services").GetProperty("id").GetString();
        // A category no seeded incident has, so the candidate is this test's own.
        var category = $"E2E docking {Guid.NewGuid().ToString("N")[..6]}";
        var numbers = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            var response = await agentApi.PostAsJsonAsync("/api/v1/incidents", new { title = $"Docking station loses the screen ({i})", serviceId, impact = 3, urgency = 2, category }, Ct);
            response.EnsureSuccessStatusCode();
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!);
        }

        var page = await browser.SignInAsync("problemmgr", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/problems");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Candidates" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check now" }).ClickAsync();
        var candidate = page.GetByTestId("candidate").Filter(new() { HasText = $"in category {category}" });
        await Assertions.Expect(candidate).ToBeVisibleAsync();
        await Assertions.Expect(candidate).ToContainTextAsync("5 incidents");
        await Screenshot(page, "problems-candidates");

        await candidate.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/problems/PRB\\d{7}$"));
        await Assertions.Expect(page.GetByTestId("state")).ToHaveTextAsync("New");
        var incidents = page.GetByTestId("incidents");
        foreach (var number in numbers)
        {
            await Assertions.Expect(incidents.GetByRole(AriaRole.Link, new() { Name = number })).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incidents (5)" })).ToBeVisibleAsync();
        await Screenshot(page, "problems-record");
        await page.Context.CloseAsync();
    }

    private static async Task Screenshot(IPage page, string name)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });
    }
}
