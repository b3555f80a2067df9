using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Platform;

public sealed class TokenApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateToken_AdminCredentials_TokenShowsAdminRolesOnMe()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");

        var me = await (await client.GetAsync("/api/v1/me", Ct)).JsonAsync();

        me.GetProperty("userName").GetString().ShouldBe("admin");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldContain("Admin");
    }

    [Fact]
    public async Task Me_AgentToken_ListsServiceDeskTeam()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("agent");

        var me = await (await client.GetAsync("/api/v1/me", Ct)).JsonAsync();

        me.GetProperty("teams").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ShouldContain("Service Desk");
        me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldContain("Agent");
    }

    [Fact]
    public async Task CreateToken_WrongPasswordOrUnknownUser_SameAnswerThatRevealsNothing()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();

        var wrongPassword = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "admin", password = "not-the-password" }, Ct);
        var unknownUser = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "nobody-here", password = "not-the-password" }, Ct);

        var a = await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var b = await unknownUser.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        a.GetProperty("detail").GetString().ShouldBe(b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task CreateToken_TenFailuresWithinFiveMinutes_LocksAccountEvenForTheRightPassword()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "agent2", password = "wrong-password-" + i }, Ct);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "agent2", password = KeelApp.Password }, Ct);

        await right.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var other = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "agent", password = KeelApp.Password }, Ct);
        other.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateToken_NineFailures_RightPasswordStillWorks()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();
        for (var i = 0; i < 9; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "agent2", password = "wrong-password-" + i }, Ct);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "agent2", password = KeelApp.Password }, Ct);

        right.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task CreateToken_FailuresSpreadOverMoreThanFiveMinutes_DoNotLockTheAccount()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();
        for (var i = 0; i < 9; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "agent2", password = "wrong-password-" + i }, Ct);
        }
        app.Time.Advance(TimeSpan.FromMinutes(6));
        await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "agent2", password = "one-more-wrong" }, Ct);

        var right = await client.PostAsJsonAsync("/api/v1/auth/tokens", new { userName = "agent2", password = KeelApp.Password }, Ct);

        right.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Token_AfterItsExpiry_Refused()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var token = await app.TokenForAsync("agent", days: 1);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        await (await client.GetAsync("/api/v1/me", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_Revoked_RefusedAndListedAsRevoked()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("agent");
        var tokens = await (await client.GetAsync("/api/v1/auth/tokens", Ct)).JsonAsync();
        var id = tokens.GetProperty("items")[0].GetProperty("id").GetString();

        (await client.DeleteAsync($"/api/v1/auth/tokens/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync("/api/v1/me", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Token_GarbageBearer_Refused()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "keel_not-a-real-token");

        await (await client.GetAsync("/api/v1/me", Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task ReadOnlyToken_Write_Forbidden()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin", ["read"]);

        (await client.GetAsync("/api/v1/teams", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var write = await client.PostAsJsonAsync("/api/v1/teams", new { name = "Read only team" }, Ct);

        await write.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var teams = await (await client.GetAsync("/api/v1/teams?q=Read%20only", Ct)).JsonAsync();
        teams.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task CreateToken_BadScopesAndDays_ValidationErrorsPerField()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/auth/tokens",
            new { userName = "admin", password = KeelApp.Password, scopes = new[] { "root" }, expiresInDays = 9999 }, Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty("scopes", out _).ShouldBeTrue();
        problem.GetProperty("errors").TryGetProperty("expiresInDays", out _).ShouldBeTrue();
    }
}
