using System.Net;
using System.Net.Http.Json;
using System.Text;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Platform;

public sealed class AdministrationTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task TeamLeadChange_ShowsInHistoryWithBeforeAndAfter(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var client = await app.ClientForAsync("admin");
        var created = await (await client.PostAsJsonAsync("/api/v1/teams", new { name = "Field Services", description = "On-site help" }, Ct)).JsonAsync();
        var id = created.GetProperty("id").GetString();
        var etag = (await client.GetAsync($"/api/v1/teams/{id}", Ct)).Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/teams/{id}") { Content = new StringContent("""{ "description": "On-site and remote help" }""", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        (await client.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = await (await client.GetAsync($"/api/v1/teams/{id}/history", Ct)).JsonAsync();

        var latest = history.GetProperty("items")[0];
        latest.GetProperty("action").GetString().ShouldBe("Updated");
        latest.GetProperty("userName").GetString().ShouldBe("admin");
        var change = latest.GetProperty("changes").GetProperty("description");
        change.GetProperty("before").GetString().ShouldBe("On-site help");
        change.GetProperty("after").GetString().ShouldBe("On-site and remote help");
        history.GetProperty("items")[1].GetProperty("action").GetString().ShouldBe("Created");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task AuditTrail_AnyWriteMethod_NotAllowedEvenForAdmin(string method)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/v1/admin/audit") { Content = JsonContent.Create(new { }) }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task CreatePerson_WithRoles_CanSignInAndSeesThoseRoles()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");

        var created = await admin.PostAsJsonAsync("/api/v1/people", new
        {
            userName = "newhire",
            displayName = "New Hire",
            password = "A-Long-Password-123",
            timeZone = "Europe/London",
            roles = new[] { "Agent", "Requester" },
        }, Ct);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var anonymous = app.CreateClient();
        var token = await anonymous.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "newhire", password = "A-Long-Password-123" }, Ct);
        token.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreatePerson_UnknownRoleBadZoneShortPassword_EveryFieldReported()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/v1/people", new
        {
            userName = "badhire", displayName = "Bad Hire", password = "short", timeZone = "Mars/Olympus", roles = new[] { "Emperor" },
        }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("roles", out _).ShouldBeTrue();
        errors.TryGetProperty("timeZone", out _).ShouldBeTrue();
        var people = await (await admin.GetAsync("/api/v1/people?q=badhire", Ct)).JsonAsync();
        people.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task PersonDeactivated_TheirTokenStopsWorking()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");
        using var agent = await app.ClientForAsync("agent2");
        var me = await (await agent.GetAsync("/api/v1/me", Ct)).JsonAsync();
        var id = me.GetProperty("id").GetString();
        var etag = (await admin.GetAsync($"/api/v1/people/{id}", Ct)).Headers.ETag!.Tag;
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/people/{id}") { Content = new StringContent("""{ "isActive": false }""", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", etag);

        (await admin.SendAsync(request, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await agent.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
