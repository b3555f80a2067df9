using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Notifications;
using Keel.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Web.Tests.Platform;

public sealed class PasswordResetApiTests(DatabaseFixture databases)
{
    private const string NewPassword = "Brand-New-Password-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PasswordReset_KnownOrUnknownLogin_Same202AndSameBody_OnlyTheKnownAccountGetsAnEmail()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();

        var known = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { login = "requester" }, Ct);
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { login = "nobody-at-all" }, Ct);

        (known.StatusCode, unknown.StatusCode).ShouldBe((HttpStatusCode.Accepted, HttpStatusCode.Accepted));
        (await known.Content.ReadAsStringAsync(Ct)).ShouldBe(await unknown.Content.ReadAsStringAsync(Ct));
        var messages = await AccountMessagesAsync(app);
        messages.ShouldHaveSingleItem().Recipient.ShouldBe("requester");
    }

    [Fact]
    public async Task PasswordReset_NoLogin_400WithTheField()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { login = " " }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("login", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Confirm_GoodToken_NewPasswordSignsIn_OldOneNoLonger_TokenThenRefused()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();
        await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { login = "requester@keel-demo.example" }, Ct);
        var token = (await AccountMessagesAsync(app)).Single().Token;

        var weak = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, password = "weak" }, Ct);
        var good = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, password = NewPassword }, Ct);
        var used = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, password = "Another-Password-2026" }, Ct);
        var bad = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token = new string('x', 43), password = NewPassword }, Ct);

        var weakProblem = await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        weakProblem.GetProperty("errors").GetProperty("password").GetArrayLength().ShouldBeGreaterThan(0);
        good.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var usedProblem = await used.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
        var badProblem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid_token");
        usedProblem.GetProperty("detail").GetString().ShouldBe(badProblem.GetProperty("detail").GetString());
        (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "requester", password = NewPassword }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "requester", password = KeelApp.Password }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invitation_Admin202_AgentForbidden_UnknownPersonNotFound()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");
        using var agent = await app.ClientForAsync("agent");
        var person = (await (await admin.GetAsync("/api/v1/people?q=requester2", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();

        var byAdmin = await admin.PostAsync($"/api/v1/people/{person}/invitation", null, Ct);
        var byAgent = await agent.PostAsync($"/api/v1/people/{person}/invitation", null, Ct);
        var unknown = await admin.PostAsync($"/api/v1/people/{Guid.NewGuid()}/invitation", null, Ct);

        byAdmin.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var body = await byAdmin.JsonAsync();
        body.GetProperty("expiresAt").GetDateTime().ShouldBe(app.Time.GetUtcNow().UtcDateTime.AddHours(72));
        body.ToString().ShouldNotContain("token", Case.Insensitive);
        await byAgent.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var invitation = (await AccountMessagesAsync(app)).ShouldHaveSingleItem();
        (invitation.Recipient, invitation.Event).ShouldBe(("requester2", NotificationEvent.Invitation));
    }

    [Fact]
    public async Task CreatePerson_WithInvite_NoPasswordNeeded_InvitationPending()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/people",
            new { userName = "newbie", displayName = "New Bie", email = "newbie@keel-demo.example", invite = true }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await AccountMessagesAsync(app)).ShouldHaveSingleItem().Recipient.ShouldBe("newbie");
    }

    [Fact]
    public async Task ResetFlow_TokenNeverInLogsOrAnswers_ThePageAsksBrowsersNotToPassTheAddressOn()
    {
        var sink = new LogSink();
        await using var app = await KeelApp.StartAsync(databases, configure: b => b.ConfigureLogging(l => l.AddProvider(sink)));
        using var client = app.CreateClient();
        var requested = await client.PostAsJsonAsync("/api/v1/auth/password-reset", new { login = "requester" }, Ct);
        var token = (await AccountMessagesAsync(app)).Single().Token;

        var page = await client.GetAsync($"/account/reset-password?token={token}", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        var confirmed = await client.PostAsJsonAsync("/api/v1/auth/password-reset/confirm", new { token, password = NewPassword }, Ct);
        var usedPage = await (await client.GetAsync($"/account/reset-password?token={token}", Ct)).Content.ReadAsStringAsync(Ct);

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        html.ShouldContain("Choose a new password");
        html.ShouldContain("requester");
        usedPage.ShouldContain("This link no longer works");
        (await requested.Content.ReadAsStringAsync(Ct)).ShouldNotContain(token);
        (await confirmed.Content.ReadAsStringAsync(Ct)).ShouldNotContain(token);
        sink.Lines.ShouldNotBeEmpty();
        sink.Lines.ShouldAllBe(line => !line.Contains(token));
    }

    private sealed record AccountMessage(string Recipient, NotificationEvent Event, string Token);

    /// <summary>The account messages waiting for the mail job, with the token read from the pending body.</summary>
    private static async Task<List<AccountMessage>> AccountMessagesAsync(KeelApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
        var rows = await db.Set<Notification>().Where(n => n.Event == NotificationEvent.PasswordReset || n.Event == NotificationEvent.Invitation)
            .Join(db.Users, n => n.RecipientId, u => u.Id, (n, u) => new { u.UserName, n.Event, n.Body, n.InApp, n.Email })
            .ToListAsync(Ct);
        rows.ShouldAllBe(r => !r.InApp && r.Email == EmailState.Pending);
        return rows.Select(r => new AccountMessage(r.UserName!, r.Event, Regex.Match(r.Body, "token=([A-Za-z0-9_-]+)").Groups[1].Value)).ToList();
    }

    /// <summary>Every log line the app writes at its configured levels, to look for secrets in.</summary>
    private sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyCollection<string> Lines => _lines.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)} {exception} {state}");
        }
    }
}
