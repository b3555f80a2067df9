using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Knowledge;

/// <summary>Issue 6, knowledge: an article suggested while a requester describes a problem spares the incident.</summary>
public sealed class DeflectionTests(BrowserFixture browser)
{
    [Fact]
    public async Task Requester_TypesTitleOpensSuggestedArticleAndItSolvesIt_DeflectionCountedOnTheArticle()
    {
        var word = "Quasar" + Guid.NewGuid().ToString("N")[..6];
        var id = await PublishedArticleAsync($"{word} printer shows offline", "Turn the printer **off and on**, then wait a minute.");

        // The requester starts to report the problem; the article is suggested while they type.
        var requester = await browser.SignInAsync("requester", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(requester, "/portal/incidents/new");
        await Assertions.Expect(requester.Locator(".mud-select").First).ToContainTextAsync("Workplace Services");
        var title = requester.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex("^In a few words( ?\\*)?$") });
        await title.FillAsync($"My {word.ToLowerInvariant()} printer is offline");
        await title.PressAsync("Tab");
        var suggestion = requester.GetByTestId("suggested-article").Filter(new() { HasText = word });
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        await suggestion.ClickAsync();
        await Assertions.Expect(requester.GetByTestId("opened-article").Locator(".keel-markdown strong")).ToHaveTextAsync("off and on");
        await Screenshot(requester, "knowledge-portal-suggestion");
        await requester.GetByTestId("solved-it").ClickAsync();
        await Assertions.Expect(requester.GetByTestId("solved-message")).ToBeVisibleAsync();

        // IT staff see the view and the deflection on the article, by API and on its page.
        using var agent = await browser.ApiAsync("agent");
        var usage = (await agent.GetFromJsonAsync<JsonElement>($"/api/v1/knowledge/{id}", TestContext.Current.CancellationToken)).GetProperty("usage");
        usage.GetProperty("deflections").GetInt32().ShouldBe(1);
        usage.GetProperty("views").GetInt32().ShouldBe(1);
        var page = await browser.SignInAsync("agent", 1400, 1000);
        await BrowserFixture.OpenInteractiveAsync(page, $"/knowledge/{id}");
        await Assertions.Expect(page.GetByTestId("usage-deflections")).ToHaveTextAsync("1");
        await Screenshot(page, "knowledge-article-staff");
        await BrowserFixture.OpenInteractiveAsync(page, "/knowledge");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = $"{word} printer shows offline" })).ToBeVisibleAsync();
        await Screenshot(page, "knowledge-list");
    }

    /// <summary>Written by an agent and published by the team lead through the API, to start the story in the portal.</summary>
    private async Task<string> PublishedArticleAsync(string title, string body)
    {
        using var agent = await browser.ApiAsync("agent");
        using var lead = await browser.ApiAsync("lead");
        var services = await agent.GetFromJsonAsync<JsonElement>("/api/v1/services?q=Workplace", TestContext.Current.CancellationToken);
        var service = services.GetProperty("items").EnumerateArray().First(s => s.GetProperty("name").GetString() == "Workplace Services").GetProperty("id").GetString();
        var created = await agent.PostAsJsonAsync("/api/v1/knowledge", new { title, body, summary = "When the printer will not print.", serviceIds = new[] { service } }, TestContext.Current.CancellationToken);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;
        (await agent.PostAsJsonAsync($"/api/v1/knowledge/{id}/transitions", new { to = "Review" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await lead.PostAsJsonAsync($"/api/v1/knowledge/{id}/transitions", new { to = "Published" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });
}
