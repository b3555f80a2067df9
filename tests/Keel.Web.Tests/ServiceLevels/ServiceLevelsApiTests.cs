using System.Net;
using System.Net.Http.Json;
using Keel.Application.Data;
using Keel.Application.ServiceLevels;
using Keel.Application.Tests.Infrastructure;
using Keel.Tests.Shared.ServiceLevels;
using Keel.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.ServiceLevels;

public sealed class ServiceLevelsApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Calendars_AgentOrRequesterWriting_AreRefusedAndBadHoursGetFieldErrors(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var admin = await app.ClientForAsync("admin");
        using var agent = await app.ClientForAsync("agent");
        using var requester = await app.ClientForAsync("requester");
        var body = new { name = "Office", timeZone = "Europe/London", week = new { monday = new[] { "09:00-17:00" } } };

        (await agent.PostAsJsonAsync("/api/v1/calendars", body, Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await requester.GetAsync("/api/v1/calendars", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await requester.GetAsync("/api/v1/sla-policies", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await admin.PostAsJsonAsync("/api/v1/calendars",
            new { name = "Bad", timeZone = "Europe/Atlantis", week = new { monday = new[] { "09:00-13:00", "12:00-17:00" }, funday = new[] { "9-5" } } }, Ct);
        var problem = await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["timeZone", "week.funday", "week.monday"], ignoreOrder: true);
        (await (await agent.GetAsync("/api/v1/calendars", Ct)).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()).ShouldNotContain("Bad");
    }

    [Theory, DatabaseData]
    public async Task Calendar_StaleIfMatch_Is412AndTheHoursStayAsTheyWere(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var admin = await app.ClientForAsync("admin");
        var id = await SlaNamedCaseApiTests.CreateCalendarAsync(admin, "Office", SlaCalendars.Get(SlaCalendars.Office));
        var path = $"/api/v1/calendars/{id}";
        var etag = (await admin.GetAsync(path, Ct)).Headers.ETag!.ToString();

        (await PatchAsync(admin, path, etag, new { alwaysOpen = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await PatchAsync(admin, path, etag, new { timeZone = "UTC" });
        var missing = await admin.PatchAsync(path, JsonContent.Create(new { timeZone = "UTC" }), Ct);

        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        await missing.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        var now = await (await admin.GetAsync(path, Ct)).JsonAsync();
        (now.GetProperty("timeZone").GetString(), now.GetProperty("alwaysOpen").GetBoolean(), now.GetProperty("revision").GetInt32()).ShouldBe(("Europe/London", true, 2));
    }

    [Theory, DatabaseData]
    public async Task Policies_PreviewAndSlaFilter_AnswerFromRealClocks(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var admin = await app.ClientForAsync("admin");
        using var agent = await app.ClientForAsync("agent");
        using var requester = await app.ClientForAsync("requester");
        using var requester2 = await app.ClientForAsync("requester2");
        var calendarId = await SlaNamedCaseApiTests.CreateCalendarAsync(admin, "Office", SlaCalendars.Get(SlaCalendars.Office));
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString()!;

        var preview = await (await agent.PostAsJsonAsync("/api/v1/sla-policies/preview",
            new { calendarId, resolution = new { amount = 2, unit = "BusinessDays" }, createdAt = "2026-11-25T10:00:00Z" }, Ct)).JsonAsync();
        preview.GetProperty("resolutionDueAt").GetDateTime().ToUniversalTime().ShouldBe(new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc));
        var refused = await admin.PostAsJsonAsync("/api/v1/sla-policies",
            new { name = "Nothing", agreement = "Sla", calendarId, priorities = new[] { 9 }, resolution = new { amount = 0, unit = "Minutes" } }, Ct);
        (await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").EnumerateObject()
            .Select(p => p.Name).ShouldBe(["priorities", "resolution"], ignoreOrder: true);
        (await admin.PostAsJsonAsync("/api/v1/sla-policies", new
        {
            name = "Incidents within the hour", agreement = "Sla", order = -100, kinds = new[] { "Incident" }, calendarId = (await CalendarAsync(admin, "Around")).ToString(),
            resolution = new { amount = 1, unit = "Hours" },
        }, Ct)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var created = await (await requester.PostAsJsonAsync("/api/v1/incidents", new { title = "VPN drops", serviceId, impact = 3, urgency = 3 }, Ct)).JsonAsync();
        var number = created.GetProperty("number").GetString();
        created.GetProperty("sla")[0].GetProperty("state").GetString().ShouldBe("running");
        app.Time.Advance(TimeSpan.FromMinutes(61));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SlaTickHandler>().TickAsync(Ct); // the timer job's run
        }

        var breached = await (await agent.GetAsync("/api/v1/incidents?sla=Breached,Soon&sort=dueAt", Ct)).JsonAsync();
        (await requester2.GetAsync($"/api/v1/incidents/{number}/sla", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var clocks = await (await requester.GetAsync($"/api/v1/incidents/{number}/sla", Ct)).JsonAsync();

        breached.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ShouldBe([number]);
        clocks.GetProperty("items")[0].GetProperty("state").GetString().ShouldBe("breached");
        clocks.GetProperty("items")[0].GetProperty("remainingBusinessMinutes").GetInt64().ShouldBe(-1);
        (await (await agent.GetAsync("/api/v1/incidents?sla=Running", Ct)).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("number").GetString()).ShouldNotContain(number);
        (await agent.GetAsync("/api/v1/incidents?sla=Late", Ct)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, DatabaseData]
    public async Task PoliciesOrder_AgentIs403AdminReordersAllAtOnceAndAStaleListIs412(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var admin = await app.ClientForAsync("admin");
        using var agent = await app.ClientForAsync("agent");
        var listed = (await (await admin.GetAsync("/api/v1/sla-policies?agreement=Sla", Ct)).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetGuid(), Name: p.GetProperty("name").GetString()!)).ToList();
        listed.Count.ShouldBeGreaterThan(1, "the tiny seed has several SLA policies");
        listed.Reverse();

        var refused = await agent.PostAsJsonAsync("/api/v1/sla-policies/order", new { agreement = "Sla", ids = listed.Select(p => p.Id) }, Ct);
        var stale = await admin.PostAsJsonAsync("/api/v1/sla-policies/order", new { agreement = "Sla", ids = listed.Skip(1).Select(p => p.Id) }, Ct);
        var reordered = await admin.PostAsJsonAsync("/api/v1/sla-policies/order", new { agreement = "Sla", ids = listed.Select(p => p.Id) }, Ct);

        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        reordered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await agent.GetAsync("/api/v1/sla-policies?agreement=Sla", Ct)).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ShouldBe(listed.Select(p => p.Name));
    }

    private static async Task<Guid> CalendarAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/calendars", new { name, timeZone = "UTC", alwaysOpen = true }, Ct);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, string etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(request, Ct);
    }
}
