using System.Net;
using System.Net.Http.Json;
using System.Text;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Platform;

public sealed class ApiConventionTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Patch_WithoutIfMatch_PreconditionRequiredAndNothingWritten()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");
        var (id, _) = await FirstBusinessUnitAsync(client);

        var response = await client.PatchAsync($"/api/v1/business-units/{id}", Json("""{ "description": "changed" }"""), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        var after = await (await client.GetAsync($"/api/v1/business-units/{id}", Ct)).JsonAsync();
        after.GetProperty("description").GetString().ShouldNotBe("changed");
    }

    [Fact]
    public async Task Patch_StaleETag_ConcurrencyConflictAndTheFirstEditSurvives()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");
        var (id, etag) = await FirstBusinessUnitAsync(client);
        var first = await client.SendAsync(Patch($"/api/v1/business-units/{id}", etag, """{ "description": "first edit" }"""), Ct);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.ShouldNotBe(etag);

        var second = await client.SendAsync(Patch($"/api/v1/business-units/{id}", etag, """{ "description": "second edit" }"""), Ct);

        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        var after = await (await client.GetAsync($"/api/v1/business-units/{id}", Ct)).JsonAsync();
        after.GetProperty("description").GetString().ShouldBe("first edit");
    }

    [Fact]
    public async Task Patch_UnknownFieldAndWrongType_AllFieldErrorsAtOnce()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");
        var (id, etag) = await FirstBusinessUnitAsync(client);

        var response = await client.SendAsync(Patch($"/api/v1/business-units/{id}", etag, """{ "name": 42, "colour": "red" }"""), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("colour", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Post_MalformedJson_BadRequestProblem()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");

        var response = await client.PostAsync("/api/v1/teams", Json("""{ "name": """), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
    }

    [Fact]
    public async Task Post_MissingName_ValidationProblemNamesTheField()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");

        var response = await client.PostAsync("/api/v1/teams", Json("""{ "description": "no name" }"""), Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").GetProperty("name")[0].GetString().ShouldBe("is required.");
    }

    [Fact]
    public async Task Post_OversizeBody_PayloadTooLargeAndNothingWritten()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");
        var huge = new string('x', 200_000);

        var response = await client.PostAsJsonAsync("/api/v1/teams", new { name = "Big", description = huge }, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        var teams = await (await client.GetAsync("/api/v1/teams?q=Big", Ct)).JsonAsync();
        teams.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task UnknownApiRoute_NotFoundProblem()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");

        await (await client.GetAsync("/api/v1/no-such-thing", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("sort=shoeSize", "sort")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task List_BadPaging_ValidationProblemNamesTheParameter(string query, string field)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");

        var response = await client.GetAsync($"/api/v1/people?{query}", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("displayName")]
    [InlineData("-userName")]
    public async Task List_PagedWithCursor_EveryPersonExactlyOnceInOrder(string sort)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync("admin");
        var all = await (await client.GetAsync($"/api/v1/people?limit=500&sort={sort}", Ct)).JsonAsync();
        var expected = all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        expected.Count.ShouldBeGreaterThan(5);

        var seen = new List<string?>();
        string? cursor = null;
        do
        {
            var url = $"/api/v1/people?limit=3&sort={sort}" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await (await client.GetAsync(url, Ct)).JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.ShouldBe(expected);
    }

    private static async Task<(string Id, string ETag)> FirstBusinessUnitAsync(HttpClient client)
    {
        var list = await (await client.GetAsync("/api/v1/business-units?limit=1", Ct)).JsonAsync();
        var id = list.GetProperty("items")[0].GetProperty("id").GetString()!;
        var one = await client.GetAsync($"/api/v1/business-units/{id}", Ct);
        return (id, one.Headers.ETag!.Tag);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Patch(string url, string etag, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = Json(json) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
