using System.Net;
using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Platform;

public sealed class AuthorizationTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/v1/admin/audit")]
    [InlineData("GET", "/api/v1/roles")]
    [InlineData("GET", "/api/v1/people")]
    [InlineData("POST", "/api/v1/people")]
    [InlineData("POST", "/api/v1/teams")]
    [InlineData("POST", "/api/v1/business-units")]
    public async Task Requester_AdminOrStaffEndpoint_Forbidden(string method, string path)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("requester");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { name = "x" }) }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("agent")]
    [InlineData("leader")]
    public async Task NonAdmin_CreateTeam_ForbiddenAndNothingWritten(string userName)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync(userName);

        var response = await client.PostAsJsonAsync("/api/v1/teams", new { name = "Shadow team" }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var admin = await app.ClientForAsync("admin");
        var teams = await (await admin.GetAsync("/api/v1/teams?q=Shadow", Ct)).JsonAsync();
        teams.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/teams")]
    [InlineData("/api/v1/admin/audit")]
    public async Task Anonymous_ProtectedEndpoint_UnauthorizedProblem(string path)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();

        await (await client.GetAsync(path, Ct)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Requester_Teams_CanReadTheDirectoryOfTeams()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("requester");

        (await client.GetAsync("/api/v1/teams", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/docs/v1")]
    public async Task Anonymous_PublicEndpoints_Answer(string path)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = app.CreateClient();

        (await client.GetAsync(path, Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
