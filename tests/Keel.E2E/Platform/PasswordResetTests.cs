using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Keel.E2E.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Platform;

/// <summary>Issue 4: a person who forgot their password gets a link by e-mail and signs in with the password they chose.</summary>
public sealed class PasswordResetTests(BrowserFixture browser)
{
    [Fact]
    public async Task ForgotPassword_LinkArrivesByEmail_NewPasswordSignsIn_LinkThenSpent()
    {
        // A person of their own, so the shared demo accounts keep the suite's password.
        var userName = $"reset-{Guid.NewGuid():N}"[..14];
        var email = $"{userName}@keel-e2e.example";
        await CreatePersonAsync(userName, email);

        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/forgot-password$"));
        await page.GetByLabel("User name or e-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("reset-requested")).ToContainTextAsync("If an active account");
        await Screenshot(page, "account-forgot-password");

        var mail = await browser.WaitForMailAsync(email, m => m.Subject == "Reset your Keel password");
        var link = Regex.Match(mail.TextBody ?? "", @"http\S+/account/reset-password\?token=[A-Za-z0-9_-]+").Value;
        link.ShouldStartWith(browser.Server.Address.ToString().TrimEnd('/'));

        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(userName).First).ToBeVisibleAsync();
        const string password = "Chosen-By-Me-2026";
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Repeat the new password").FillAsync(password);
        await Screenshot(page, "account-reset-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-set")).ToContainTextAsync(userName);
        await Screenshot(page, "account-password-set");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/login"));
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");

        // The link worked once: opening it again says so and offers a new one.
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByTestId("invalid-link")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Invitation_AdminCreatesPersonWithInvite_PersonChoosesPasswordFromTheEmailAndSignsIn()
    {
        var userName = $"invited-{Guid.NewGuid():N}"[..16];
        var email = $"{userName}@keel-e2e.example";
        var admin = await browser.SignInAsync("admin");
        await BrowserFixture.OpenInteractiveAsync(admin, "/admin/people/new");
        await FillAsync(admin, "User name", userName);
        await FillAsync(admin, "Display name", "Ivy Invited");
        await FillAsync(admin, "E-mail", email);
        await Assertions.Expect(admin.GetByText("Invite by e-mail: the person chooses their password")).ToBeVisibleAsync();
        await Screenshot(admin, "account-person-new-invite");
        await BrowserFixture.ClickUntilUrlAsync(admin, admin.GetByRole(AriaRole.Button, new() { Name = "Create person" }), new Regex("/admin/people/[0-9a-f-]{36}$"));
        await Assertions.Expect(admin.GetByTestId("invitation")).ToContainTextAsync("the link works until");
        await Screenshot(admin, "account-person-invited");
        await admin.Context.CloseAsync();

        var mail = await browser.WaitForMailAsync(email, m => m.Subject?.EndsWith("invited you to Keel", StringComparison.Ordinal) == true);
        var link = Regex.Match(mail.TextBody ?? "", @"http\S+/account/accept-invitation\?token=[A-Za-z0-9_-]+").Value;
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Keel" })).ToBeVisibleAsync();
        const string password = "Ivy-Chose-This-2026";
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Repeat the new password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-set")).ToContainTextAsync(userName);
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        await page.Context.CloseAsync();
    }

    /// <summary>Fills a MudBlazor box by its label (required ones end with " *") and leaves it, so the value is bound before the next click.</summary>
    private static async Task FillAsync(IPage page, string label, string value)
    {
        var field = page.GetByRole(AriaRole.Textbox, new() { NameRegex = new Regex($"^{Regex.Escape(label)}( ?\\*)?$") });
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    private async Task CreatePersonAsync(string userName, string email)
    {
        using var api = await browser.ApiAsync("admin");
        var created = await api.PostAsJsonAsync("/api/v1/people",
            new { userName, displayName = "Reset Tester", email, password = KeelServer.Password, roles = new[] { "Requester" } });
        created.EnsureSuccessStatusCode();
    }

    private static async Task Screenshot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), $"{name}.png"), FullPage = true });
}
