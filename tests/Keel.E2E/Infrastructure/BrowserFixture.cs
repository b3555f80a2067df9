using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Keel.E2E.Infrastructure;

/// <summary>
/// One Keel server and one Debian Chromium for the whole suite (assembly fixture). Tests run serially
/// (xunit.runner.json) and each opens its own browser context, so cookies never leak between roles.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public KeelServer Server { get; private set; } = null!;

    /// <summary>Where the app's e-mail goes. Tests find their own mail by recipient and subject; nobody else looks.</summary>
    public SmtpListener Mail { get; } = new();
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("KEEL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"Chromium not found at {chromium}: install Debian's chromium (scripts/test.sh does).");
        }
        Server = await KeelServer.StartAsync(Mail.Port);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            TimezoneId = "Europe/Berlin",
        });
        // Generous: CI machines are shared and a Blazor circuit may take a while to answer under load.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the login page as a person would, and waits for the landing page.</summary>
    public async Task<IPage> SignInAsync(string userName, int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await page.GotoAsync("/login");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(KeelServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// Clicks a save button until the page moves to <paramref name="url"/>: on a loaded machine a click can reach a
    /// circuit still busy with the previous field's change and be lost. A refused save keeps failing and times out
    /// on the last attempt, so a real error is not hidden.
    /// </summary>
    public static async Task ClickUntilUrlAsync(IPage page, ILocator button, System.Text.RegularExpressions.Regex url, int attempts = 3)
    {
        for (var attempt = 1; ; attempt++)
        {
            await button.ClickAsync();
            try
            {
                await page.WaitForURLAsync(url, new() { Timeout = attempt < attempts ? 10_000 : 30_000 });
                return;
            }
            catch (TimeoutException) when (attempt < attempts)
            {
                if (!await button.IsVisibleAsync())
                {
                    // The page changed after all: wait for it to arrive rather than click something else.
                    await page.WaitForURLAsync(url);
                    return;
                }
            }
        }
    }

    /// <summary>An API client of a demo account (bearer token), to set up work faster than through the pages.</summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = Server.Address };
        var response = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName, password = KeelServer.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Opens a page and waits until its Blazor circuit is attached, so clicks are not lost.</summary>
    public static async Task OpenInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("main[data-interactive=true]").WaitForAsync();
    }

    /// <summary>Waits (polling, no fixed sleep) for a mail matching <paramref name="match"/>, such as the one a page just caused.</summary>
    public async Task<MimeKit.MimeMessage> WaitForMailAsync(string to, Func<MimeKit.MimeMessage, bool> match, int timeoutMs = 30_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var found = Mail.Received.Where(m => m.To.Contains($"<{to}>", StringComparer.OrdinalIgnoreCase)).Select(m => m.Message).FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No mail to {to} arrived within {timeoutMs} ms; received: "
                    + string.Join("; ", Mail.Received.Select(m => $"{string.Join(",", m.To)}: {m.Message.Subject}")));
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
        await Mail.DisposeAsync();
    }
}
