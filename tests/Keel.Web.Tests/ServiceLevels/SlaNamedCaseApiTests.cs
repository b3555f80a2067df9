using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.ServiceLevels;
using Keel.Tests.Shared.ServiceLevels;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.ServiceLevels;

/// <summary>
/// The named cases of the engine tests, end to end: calendars and policies made through the API, each case's
/// incident raised, moved, replied to and re-prioritized through the API at the case's times (a fake clock), and its
/// clock read back from <c>/sla</c>. One app per provider runs the cases one after another, each on its own calendar
/// and policies (the newest policy is tried first, before the seeded ones).
/// </summary>
public sealed class SlaNamedCaseApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Api_EveryNamedCase_GivesTheClockTheEngineGives(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var admin = await app.ClientForAsync("admin", days: 365);
        using var agent = await app.ClientForAsync("agent", days: 365);
        using var requester = await app.ClientForAsync("requester", days: 365);
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!;
        var failures = new List<string>();

        for (var i = 0; i < SlaNamedCases.All.Count; i++)
        {
            var @case = SlaNamedCases.All[i];
            var zone = SlaCalendars.Get(@case.Calendar).TimeZone;
            var calendarId = await CreateCalendarAsync(admin, $"Case {i}", SlaCalendars.Get(@case.Calendar));
            foreach (var (priority, target) in @case.Targets)
            {
                var policy = await admin.PostAsJsonAsync("/api/v1/sla-policies", new
                {
                    name = $"Case {i} P{priority}", agreement = "Sla", order = -1 - i, kinds = new[] { "Incident" }, serviceId,
                    priorities = new[] { priority }, calendarId,
                    response = @case.Clock == ClockKind.Response ? new { amount = target.Amount, unit = target.Unit.ToString() } : null,
                    resolution = @case.Clock == ClockKind.Resolution ? new { amount = target.Amount, unit = target.Unit.ToString() } : null,
                }, Ct);
                policy.StatusCode.ShouldBe(HttpStatusCode.Created, await policy.Content.ReadAsStringAsync(Ct));
            }

            string? path = null;
            foreach (var e in @case.Events)
            {
                app.Time.AdjustTime(SlaCaseTimes.ToUtc(e.At, zone));
                path = await ApplyAsync(e, path, serviceId, requester, agent);
            }
            app.Time.AdjustTime(SlaCaseTimes.ToUtc(@case.Now, zone));
            var clocks = (await (await agent.GetAsync($"{path}/sla", Ct)).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
            var clock = clocks.SingleOrDefault(c => c.GetProperty("kind").GetString() == @case.Clock.ToString().ToLowerInvariant());
            if (clock.ValueKind != JsonValueKind.Object)
            {
                failures.Add($"{@case.Name}: no {@case.Clock} clock on {path}");
                continue;
            }
            var actual = (
                Due: SlaCaseTimes.ToLocal(clock.GetProperty("dueAt").GetDateTime().ToUniversalTime(), zone),
                State: clock.GetProperty("state").GetString(),
                Elapsed: clock.GetProperty("elapsedBusinessMinutes").GetInt64(),
                Pauses: clock.GetProperty("pauses").GetArrayLength());
            var expected = (Due: @case.ExpectedDue, State: @case.ExpectedState.ToString().ToLowerInvariant(), Elapsed: @case.ExpectedElapsedMinutes, Pauses: @case.ExpectedPauses);
            if (actual != expected)
            {
                failures.Add($"{@case.Name}: expected {expected}, got {actual}");
            }
        }

        failures.ShouldBeEmpty();
    }

    private static async Task<string?> ApplyAsync(SlaEvent e, string? path, string serviceId, HttpClient requester, HttpClient agent)
    {
        HttpResponseMessage response;
        switch (e.Step)
        {
            case SlaStep.Create:
                response = await requester.PostAsJsonAsync("/api/v1/incidents", new { title = "Clock case", serviceId, impact = 3, urgency = 3 }, Ct);
                response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
                return $"/api/v1/incidents/{(await response.JsonAsync()).GetProperty("number").GetString()}";
            case SlaStep.Start or SlaStep.Resume:
                response = await agent.PostAsJsonAsync($"{path}/transitions", new { to = "InProgress" }, Ct);
                break;
            case SlaStep.Reopen:
                response = await requester.PostAsJsonAsync($"{path}/transitions", new { to = "InProgress", reason = "Still broken" }, Ct);
                break;
            case SlaStep.Hold:
                response = await agent.PostAsJsonAsync($"{path}/transitions", new { to = "OnHold", holdReason = e.Reason!.Value.ToString() }, Ct);
                break;
            case SlaStep.Resolve:
                response = await agent.PostAsJsonAsync($"{path}/transitions", new { to = "Resolved", resolutionCode = "SolvedPermanently", resolutionNote = "Fixed." }, Ct);
                break;
            case SlaStep.Cancel:
                response = await agent.PostAsJsonAsync($"{path}/transitions", new { to = "Cancelled", reason = "Raised by mistake" }, Ct);
                break;
            case SlaStep.Reply:
                response = await agent.PostAsJsonAsync($"{path}/comments", new { body = "Looking at it now." }, Ct);
                break;
            case SlaStep.ChangePriority:
                var etag = (await agent.GetAsync(path, Ct)).Headers.ETag!.ToString();
                var (impact, urgency) = e.Priority switch { 1 => (1, 1), 2 => (1, 2), 3 => (2, 2), _ => (3, 3) };
                using (var patch = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { impact, urgency }) })
                {
                    patch.Headers.TryAddWithoutValidation("If-Match", etag);
                    response = await agent.SendAsync(patch, Ct);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(e), e.Step, null);
        }
        response.IsSuccessStatusCode.ShouldBeTrue($"{e.Step} at {e.At}: {await response.Content.ReadAsStringAsync(Ct)}");
        return path;
    }

    internal static async Task<string> CreateCalendarAsync(HttpClient admin, string name, CalendarHours hours)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/calendars", new
        {
            name, timeZone = hours.TimeZone, alwaysOpen = hours.AlwaysOpen,
            week = hours.Week.ToDictionary(d => d.Key.ToString().ToLowerInvariant(), d => d.Value.Select(v => v.ToString()).ToArray()),
            holidays = hours.Holidays.Select(h => new { date = h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), name = h.Name }),
        }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }
}
