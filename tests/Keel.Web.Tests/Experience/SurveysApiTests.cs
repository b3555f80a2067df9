using System.Net;
using System.Net.Http.Json;
using Keel.Application.Experience;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using Keel.Web.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Experience;

public sealed class SurveysApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs the survey job once, as the worker would (jobs are off in web tests).</summary>
    private static async Task<int> IssueAsync(KeelApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SurveyIssuer>().IssueAsync(Ct);
    }

    /// <summary>The requester's incident, resolved by an agent and surveyed by the job; returns its number and the survey's token.</summary>
    private static async Task<(string Number, string Token)> SurveyedIncidentAsync(KeelApp app)
    {
        await IssueAsync(app);
        app.Time.Advance(SurveyIssuer.Overlap + TimeSpan.FromMinutes(1));
        using var requester = await app.ClientForAsync("requester");
        using var agent = await app.ClientForAsync("agent");
        using var admin = await app.ClientForAsync("admin");
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        // Whatever the demo data says, this service asks every requester.
        var etag = (await admin.GetAsync($"/api/v1/services/{serviceId}", Ct)).Headers.ETag!.Tag;
        (await ServicesApiTests.Patch(admin, $"/api/v1/services/{serviceId}", etag, new { surveySampleRate = 1 })).EnsureSuccessStatusCode();
        var incident = await (await requester.PostAsJsonAsync("/api/v1/incidents", new { title = "Printer jammed", serviceId, impact = 3, urgency = 3 }, Ct)).JsonAsync();
        var number = incident.GetProperty("number").GetString()!;
        (await agent.PostAsJsonAsync($"/api/v1/incidents/{number}/transitions",
            new { to = "Resolved", resolutionCode = "SolvedRemotely", resolutionNote = "Cleared the paper path." }, Ct)).EnsureSuccessStatusCode();
        (await IssueAsync(app)).ShouldBe(1);
        var mine = await (await requester.GetAsync("/api/v1/me/surveys", Ct)).JsonAsync();
        var survey = mine.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        survey.GetProperty("item").GetProperty("number").GetString().ShouldBe(number);
        return (number, survey.GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task Survey_AnonymousGetAndAnswer_NoLoginNeeded_AnsweringAgainConflict()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var (number, token) = await SurveyedIncidentAsync(app);
        using var anonymous = app.CreateClient();

        var shown = await (await anonymous.GetAsync($"/api/v1/surveys/{token}", Ct)).JsonAsync();
        var answered = await anonymous.PostAsJsonAsync($"/api/v1/surveys/{token}", new { rating = 4, comment = "Quick, thanks." }, Ct);
        var again = await anonymous.PostAsJsonAsync($"/api/v1/surveys/{token}", new { rating = 1 }, Ct);
        var after = await (await anonymous.GetAsync($"/api/v1/surveys/{token}", Ct)).JsonAsync();

        (shown.GetProperty("item").GetProperty("number").GetString(), shown.GetProperty("item").GetProperty("title").GetString(), shown.GetProperty("status").GetString())
            .ShouldBe((number, "Printer jammed", "Open"));
        shown.GetRawText().ShouldNotContain("Cleared the paper path");
        answered.StatusCode.ShouldBe(HttpStatusCode.Created);
        answered.Headers.Location!.ToString().ShouldBe($"/api/v1/surveys/{token}");
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "survey_answered");
        (after.GetProperty("status").GetString(), after.GetProperty("rating").GetInt32(), after.GetProperty("comment").GetString()).ShouldBe(("Answered", 4, "Quick, thanks."));
    }

    [Fact]
    public async Task Survey_BadRating_ValidationOnRating_ThenAValidAnswerStillAccepted()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var (_, token) = await SurveyedIncidentAsync(app);
        using var anonymous = app.CreateClient();

        var bad = await anonymous.PostAsJsonAsync($"/api/v1/surveys/{token}", new { rating = 6 }, Ct);
        var good = await anonymous.PostAsJsonAsync($"/api/v1/surveys/{token}", new { rating = 5 }, Ct);

        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("rating", out _).ShouldBeTrue();
        good.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Survey_AfterFourteenDays_GoneForReadAndAnswer_UnknownTokenNotFound()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var (_, token) = await SurveyedIncidentAsync(app);
        using var anonymous = app.CreateClient();
        app.Time.Advance(TimeSpan.FromDays(14));

        await (await anonymous.GetAsync($"/api/v1/surveys/{token}", Ct)).ShouldBeProblemAsync(HttpStatusCode.Gone, "survey_expired");
        await (await anonymous.PostAsJsonAsync($"/api/v1/surveys/{token}", new { rating = 3 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Gone, "survey_expired");
        await (await anonymous.GetAsync($"/api/v1/surveys/{new string('x', 32)}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await anonymous.PostAsJsonAsync("/api/v1/surveys/nope", new { rating = 3 }, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task MySurveys_OnlyTheCallersOpenOnes_AnonymousUnauthorized()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var (_, token) = await SurveyedIncidentAsync(app);
        using var requester = await app.ClientForAsync("requester");
        using var requester2 = await app.ClientForAsync("requester2");
        using var anonymous = app.CreateClient();

        var other = await (await requester2.GetAsync("/api/v1/me/surveys", Ct)).JsonAsync();
        (await anonymous.GetAsync("/api/v1/me/surveys", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await anonymous.PostAsJsonAsync($"/api/v1/surveys/{token}", new { rating = 5 }, Ct);
        var afterAnswer = await (await requester.GetAsync("/api/v1/me/surveys", Ct)).JsonAsync();

        other.GetProperty("items").GetArrayLength().ShouldBe(0);
        afterAnswer.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Responses_RequesterForbidden_AgentAndLeaderRead_FilteredByRating()
    {
        await using var app = await KeelApp.StartAsync(databases);
        var (number, token) = await SurveyedIncidentAsync(app);
        using var anonymous = app.CreateClient();
        (await anonymous.PostAsJsonAsync($"/api/v1/surveys/{token}", new { rating = 2, comment = "Took two days." }, Ct)).EnsureSuccessStatusCode();
        using var requester = await app.ClientForAsync("requester");
        using var agent = await app.ClientForAsync("agent");
        using var leader = await app.ClientForAsync("leader");

        await (await requester.GetAsync("/api/v1/surveys", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var all = await (await agent.GetAsync("/api/v1/surveys", Ct)).JsonAsync();
        var twos = await (await leader.GetAsync("/api/v1/surveys?rating=2,3", Ct)).JsonAsync();
        var fives = await (await leader.GetAsync("/api/v1/surveys?rating=5", Ct)).JsonAsync();
        var badRating = await leader.GetAsync("/api/v1/surveys?rating=high", Ct);

        var response = all.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (response.GetProperty("item").GetProperty("number").GetString(), response.GetProperty("rating").GetInt32(), response.GetProperty("comment").GetString())
            .ShouldBe((number, 2, "Took two days."));
        twos.GetProperty("items").GetArrayLength().ShouldBe(1);
        fives.GetProperty("items").GetArrayLength().ShouldBe(0);
        await badRating.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Owner_PatchSampleRateAndTarget_ReadBackByStaff_OutOfRangeRefused()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var owner = await app.ClientForAsync("owner");
        using var agent = await app.ClientForAsync("agent");
        var id = await ServicesApiTests.IdAsync(owner, "/api/v1/services", "Workplace Services");
        var etag = (await owner.GetAsync($"/api/v1/services/{id}", Ct)).Headers.ETag!.Tag;

        var bad = await ServicesApiTests.Patch(owner, $"/api/v1/services/{id}", etag, new { surveySampleRate = 1.5, experienceTarget = 101 });
        var good = await ServicesApiTests.Patch(owner, $"/api/v1/services/{id}", etag, new { surveySampleRate = 0.25, experienceTarget = 80 });
        var asAgent = await (await agent.GetAsync($"/api/v1/services/{id}", Ct)).JsonAsync();

        var errors = (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["surveySampleRate", "experienceTarget"], ignoreOrder: true);
        var saved = await good.JsonAsync();
        (saved.GetProperty("surveySampleRate").GetDecimal(), saved.GetProperty("experienceTarget").GetInt32()).ShouldBe((0.25m, 80));
        (asAgent.GetProperty("surveySampleRate").GetDecimal(), asAgent.GetProperty("experienceTarget").GetInt32()).ShouldBe((0.25m, 80));
    }
}
