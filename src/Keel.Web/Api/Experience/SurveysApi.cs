using Keel.Application.Experience;
using Keel.Domain.Platform;
using Keel.Web.Api.Platform;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Experience;

/// <summary>Surveys: the caller's open ones, one survey by its token (no sign-in: the link in the e-mail is the key), and the answers for IT.</summary>
public static class SurveysApi
{
    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/surveys", Mine).WithTags("Experience & value").RequireAuthorization(Policies.SignedIn).WithName("ListMySurveys")
            .WithSummary("The caller's open surveys (not answered, not expired), newest first, each with the token of its page /surveys/{token}.");

        var group = app.MapGroup("/api/v1/surveys").WithTags("Experience & value");
        group.MapGet("", Responses).RequireAuthorization(Policies.ServiceReaders).WithName("ListSurveyResponses")
            .WithSummary("Answered surveys, newest first (sort respondedAt, rating, sentAt); filter serviceId (comma-separated), from, to "
                + "(answered in [from, to)), rating (comma-separated, 1–5). IT staff, leaders and executives read all; a service owner their own services; requesters 403.");
        // Anonymous, so limited per address like sign-in; the token (192 random bits) is the only key.
        group.MapGet("/{token}", Get).AllowAnonymous().RequireRateLimiting(AuthApi.TokenRateLimit).WithName("GetSurvey")
            .WithSummary("The item a survey asks about (number, title, service, resolvedAt) and its status; the answer once answered. "
                + "No sign-in needed. 404 unknown token, 410 survey_expired.");
        group.MapPost("/{token}", Answer).AllowAnonymous().RequireRateLimiting(AuthApi.TokenRateLimit).WithName("AnswerSurvey")
            .WithSummary("Answer once: { \"rating\": 1..5, \"comment\"? (up to 2000 characters) } → 201. No sign-in needed. "
                + "Again → 409 survey_answered; expired → 410 survey_expired; a bad rating → 400 validation_failed.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<MySurveyView>>, ProblemHttpResult>> Mine(
        [AsParameters] ListQuery query, SurveyService surveys, CancellationToken ct) =>
        List(await surveys.MineAsync(query.Page, ct));

    private static async Task<Results<Ok<SurveyView>, ProblemHttpResult>> Get(string token, SurveyService surveys, CancellationToken ct) =>
        Ok(await surveys.GetByTokenAsync(token, ct));

    private static async Task<Results<Created<SurveyView>, ProblemHttpResult>> Answer(
        string token, SurveyAnswer answer, SurveyService surveys, CancellationToken ct) =>
        Created(await surveys.AnswerAsync(token, answer, ct), _ => $"/api/v1/surveys/{token}");

    private static async Task<Results<Ok<ListResponse<SurveyResponseView>>, ProblemHttpResult>> Responses(
        [AsParameters] ListQuery query, string? serviceId, DateTime? from, DateTime? to, string? rating, SurveyService surveys, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var services = ParseList(serviceId, "serviceId", "ids", s => Guid.TryParse(s, out var g) ? g : (Guid?)null, errors);
        var ratings = ParseList(rating, "rating", "whole numbers", s => int.TryParse(s, out var r) ? r : (int?)null, errors);
        if (errors.Any)
        {
            return Problem(errors.ToError());
        }
        var filter = new SurveyResponseFilter(services, from?.ToUniversalTime(), to?.ToUniversalTime(), ratings);
        return List(await surveys.ResponsesAsync(filter, query.Page, ct));
    }

    private static List<T> ParseList<T>(string? text, string field, string what, Func<string, T?> parse, FieldErrors errors) where T : struct
    {
        var values = new List<T>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (parse(part) is { } value)
            {
                values.Add(value);
            }
            else
            {
                errors.Add(field, $"must be {what}, comma-separated for several.");
                break;
            }
        }
        return values;
    }
}
