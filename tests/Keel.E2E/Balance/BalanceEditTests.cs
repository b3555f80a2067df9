using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Balance;

/// <summary>The IT leader edits an initiative and a debt item in the pages, naming the initiative that pays the debt off.</summary>
public sealed class BalanceEditTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Leader_EditsInitiativeAndDebt_RecordsShowTheNewFieldsAndThePayoffInitiative()
    {
        using var leader = await browser.ApiAsync("leader");
        var services = await leader.GetFromJsonAsync<JsonElement>("/api/v1/services?limit=500", Ct);
        var serviceId = services.GetProperty("items").EnumerateArray().First(s => s.GetProperty("name").GetString() == "Workplace Services").GetProperty("id").GetString();
        var run = Guid.NewGuid().ToString("N")[..6];
        var initiative = await NumberAsync(await leader.PostAsJsonAsync("/api/v1/initiatives", new { name = $"Replace print servers {run}", serviceId, category = "Debt" }, Ct));
        var debt = await NumberAsync(await leader.PostAsJsonAsync("/api/v1/tech-debt", new { title = $"Old print servers {run}", serviceId, remediationEstimateHours = 30 }, Ct));

        var page = await browser.SignInAsync("leader", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, $"/initiatives/{initiative}");
        await BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Edit" }), new Regex($"/initiatives/{initiative}/edit$"));
        await page.Locator("main[data-interactive=true]").WaitForAsync();
        await page.GetByLabel("Expected outcome").FillAsync("No more queue outages on Mondays");
        await page.GetByLabel("Effort estimate (hours)").FillAsync("80");
        await BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }), new Regex($"/initiatives/{initiative}$"));
        await Assertions.Expect(page.GetByLabel("Initiative details")).ToContainTextAsync("No more queue outages on Mondays");
        await Assertions.Expect(page.GetByLabel("Initiative details")).ToContainTextAsync("80 h");

        await BrowserFixture.OpenInteractiveAsync(page, $"/tech-debt/{debt}/edit");
        await page.GetByLabel("Title *").FillAsync($"Print servers past support {run}");
        await page.GetByLabel("Payoff initiative").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{initiative} · Replace print servers {run}" }).ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/debt-edit.png", FullPage = true });
        await BrowserFixture.ClickUntilUrlAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }), new Regex($"/tech-debt/{debt}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{debt} · Print servers past support {run}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{initiative} · Replace print servers {run}" })).ToBeVisibleAsync();

        var stored = await leader.GetFromJsonAsync<JsonElement>($"/api/v1/tech-debt/{debt}", Ct);
        stored.GetProperty("payoffInitiative").GetProperty("number").GetString().ShouldBe(initiative);
        await page.Context.CloseAsync();
    }

    private static async Task<string> NumberAsync(HttpResponseMessage response)
    {
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
    }
}
