using System.Net.Http.Json;
using System.Text.Json;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Balance;

/// <summary>The IT leader opens a value stream and reads its step diagram and flow figures, computed from an incident worked today.</summary>
public sealed class ValueStreamTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Leader_OpensAStream_SeesItsStepDiagramAndFigures()
    {
        using var agent = await browser.ApiAsync("agent");
        var services = await agent.GetFromJsonAsync<JsonElement>("/api/v1/services?limit=200", Ct);
        var serviceId = services.GetProperty("items").EnumerateArray().First(s => s.GetProperty("name").GetString() == "Workplace Services").GetProperty("id").GetString();
        var created = await agent.PostAsJsonAsync("/api/v1/incidents", new { title = "Docking station flickers", serviceId, impact = 3, urgency = 3 }, Ct);
        created.EnsureSuccessStatusCode();
        var path = created.Headers.Location!.ToString();
        (await agent.PostAsJsonAsync($"{path}/transitions", new { to = "InProgress" }, Ct)).EnsureSuccessStatusCode();
        (await agent.PostAsJsonAsync($"{path}/transitions", new { to = "Resolved", resolutionCode = "SolvedPermanently", resolutionNote = "New cable." }, Ct)).EnsureSuccessStatusCode();
        using var leaderApi = await browser.ApiAsync("leader");
        var name = $"Restore workplace {Guid.NewGuid().ToString("N")[..6]}";
        var stream = await leaderApi.PostAsJsonAsync("/api/v1/value-streams", new
        {
            name,
            description = "From the first report to the fix.",
            kind = "Incident",
            serviceId,
            steps = new[]
            {
                new { name = "Triage", activity = "Engage", start = "Created", end = "Entered:InProgress" },
                new { name = "Diagnose and fix", activity = "DeliverAndSupport", start = "Entered:InProgress", end = "Entered:Resolved" },
            },
        }, Ct);
        stream.EnsureSuccessStatusCode();

        var page = await browser.SignInAsync("leader", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, "/value-streams");
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/value-streams/", StringComparison.Ordinal));

        var diagram = page.GetByTestId("stream-diagram");
        await Assertions.Expect(diagram).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("stream-step")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("stream-step").Nth(1)).ToContainTextAsync("Diagnose and fix");
        await Assertions.Expect(page.GetByTestId("stream-wait")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("Lead time (median)").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Flow efficiency").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Throughput").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Work in progress").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(new System.Text.RegularExpressions.Regex(@"\b[1-9]\d* finished"))).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/value-stream.png", FullPage = true });
        await page.Context.CloseAsync();
    }
}
