using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Experience;

/// <summary>Issue 7: a requester whose incident was resolved gets a survey by e-mail and answers it without signing in.</summary>
public sealed class SurveyTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Survey_LinkFromTheEmail_PickFourCommentSend_ThanksAndListedNoMore()
    {
        using var requester = await browser.ApiAsync("requester");
        using var agent = await browser.ApiAsync("agent");
        var serviceId = (await requester.GetFromJsonAsync<JsonElement>("/api/v1/services", Ct)).GetProperty("items")[0].GetProperty("id").GetString();
        var created = await requester.PostAsJsonAsync("/api/v1/incidents", new { title = "Printer jammed", serviceId, impact = 3, urgency = 3 }, Ct);
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("number").GetString()!;
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/transitions",
            new { to = "Resolved", resolutionCode = "SolvedRemotely", resolutionNote = "Cleared the paper path." }, Ct)).EnsureSuccessStatusCode();

        var mail = await browser.WaitForMailAsync("requester@keel-demo.example", m => m.Subject == $"How did we do with {number}?");
        var link = Regex.Match(mail.TextBody ?? "", @"http\S+/surveys/[A-Za-z0-9_-]{32}").Value;
        link.ShouldStartWith(browser.Server.Address.ToString().TrimEnd('/'));

        // The portal lists it among the requester's open surveys.
        var portal = await browser.SignInAsync("requester");
        await BrowserFixture.OpenInteractiveAsync(portal, "/portal");
        await Assertions.Expect(portal.GetByTestId("open-surveys")).ToContainTextAsync(number);
        await portal.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "survey-portal.png"), FullPage = true });

        // The link needs no sign-in: a fresh browser context without cookies.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"How did we do with {number} “Printer jammed”?");
        await page.Locator("label.keel-rating", new() { HasText = "Good" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "4 Good" })).ToBeCheckedAsync();
        await page.GetByLabel("Anything you want to tell us? (optional)").FillAsync("Fixed before lunch, thank you.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "survey.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you!" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("survey-thanks")).ToContainTextAsync("4 – Good");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "survey-thanks.png"), FullPage = true });

        // Opening the link again says it was answered; the portal no longer lists it.
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You have already answered" })).ToBeVisibleAsync();
        var mine = await requester.GetFromJsonAsync<JsonElement>("/api/v1/me/surveys", Ct);
        mine.GetProperty("items").EnumerateArray().ShouldNotContain(s => s.GetProperty("item").GetProperty("number").GetString() == number);
        await page.Context.CloseAsync();
        await portal.Context.CloseAsync();
    }
}
