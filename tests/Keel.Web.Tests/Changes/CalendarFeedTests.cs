using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ical.Net;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using static Keel.Web.Tests.Changes.ChangeCalendarData;

namespace Keel.Web.Tests.Changes;

public sealed class CalendarFeedTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Feed_ParsedByIcalNet_HasTheScheduleInUtcWithStableUidsAndEscapedTitles()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var manager = await app.ClientForAsync("changemgr");
        var title = "Upgrade db01, db02; then\nreboot \\ verify";
        var (number, _) = await AddChangeAsync(app, title, At(10, 20), At(10, 23));
        await AddChangeAsync(app, "Still a draft", At(11, 20), At(11, 23), Keel.Domain.Work.WorkState.Draft);
        (await manager.PostAsJsonAsync("/api/v1/change-windows",
            new { kind = "Freeze", name = "Quarter close, Q1", start = At(30, 0), end = At(31, 23) }, Ct)).EnsureSuccessStatusCode();
        var url = await FeedUrlAsync(manager);

        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var again = await anonymous.GetStringAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        text.ShouldContain("DTSTART:20260310T200000Z");
        text.Split("\r\n").ShouldAllBe(line => System.Text.Encoding.UTF8.GetByteCount(line) <= 75);
        var calendar = Calendar.Load(text)!;
        var change = calendar.Events.Single(e => e.Summary!.StartsWith(number, StringComparison.Ordinal));
        change.Summary.ShouldBe($"{number} {title}");
        change.DtStart!.IsUtc.ShouldBeTrue();
        change.DtStart.AsUtc.ShouldBe(At(10, 20));
        change.DtEnd!.AsUtc.ShouldBe(At(10, 23));
        calendar.Events.ShouldNotContain(e => e.Summary!.Contains("Still a draft"));
        calendar.Events.Single(e => e.Summary == "Freeze: Quarter close, Q1").DtStart!.AsUtc.ShouldBe(At(30, 0));
        Calendar.Load(again)!.Events.Select(e => e.Uid).ShouldBe(calendar.Events.Select(e => e.Uid));
    }

    [Fact]
    public async Task FeedToken_AsBearerOrOnAnotherPathOrRevoked_OpensNothing()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var manager = await app.ClientForAsync("changemgr");
        using var requester = await app.ClientForAsync("requester");
        var url = await FeedUrlAsync(manager);
        var token = TokenOf(url);
        using var bearer = app.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var anonymous = app.CreateClient();

        (await bearer.GetAsync("/api/v1/change-calendar?from=2026-03-01&to=2026-03-31", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await bearer.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/api/v1/change-windows?token={token}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync($"/feeds/changes/{token}x.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await requester.PostAsync("/api/v1/me/calendar-feed", null, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var replaced = await FeedUrlAsync(manager);
        (await anonymous.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.DeleteAsync("/api/v1/me/calendar-feed", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await anonymous.GetAsync(replaced, Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task FeedRequest_WithRequestLoggingOn_NeverLogsTheToken()
    {
        var sink = new LogSink();
        await using var app = await KeelApp.StartAsync(databases, configure: b => b
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Debug")
            .UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics", "Debug")
            .ConfigureLogging(l => l.AddProvider(sink)));
        using var manager = await app.ClientForAsync("changemgr");
        var url = await FeedUrlAsync(manager);
        var token = TokenOf(url);

        using var anonymous = app.CreateClient();
        (await anonymous.GetAsync(url, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/feeds/changes/{token}x.ics", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The request log is on: it names the feed's path, with the token masked.
        sink.Lines.ShouldContain(line => line.Contains("Request starting") && line.Contains("/feeds/changes/[redacted]"));
        sink.Lines.ShouldAllBe(line => !line.Contains(token));
        sink.Scopes.ShouldAllBe(scope => !scope.Contains(token));
    }

    private static async Task<string> FeedUrlAsync(HttpClient client)
    {
        var created = await client.PostAsync("/api/v1/me/calendar-feed", null, Ct);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return new Uri((await created.JsonAsync()).GetProperty("url").GetString()!).PathAndQuery;
    }

    private static string TokenOf(string url) => url["/feeds/changes/".Length..^".ics".Length];

    /// <summary>Every log line and scope the app writes, to look for secrets in.</summary>
    private sealed class LogSink : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private readonly ConcurrentQueue<string> _scopes = new();
        private IExternalScopeProvider? _scopeProvider;

        public IReadOnlyCollection<string> Lines => _lines.ToArray();
        public IReadOnlyCollection<string> Scopes => _scopes.ToArray();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopeProvider = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(string category, LogSink sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                sink._lines.Enqueue($"{category}: {formatter(state, exception)} {exception} {state}"
                    + (state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : ""));
                sink._scopeProvider?.ForEachScope((scope, queue) => queue.Enqueue(scope?.ToString() ?? ""), sink._scopes);
            }
        }
    }
}
