using System.Text.Json;
using Keel.Application.Platform;
using Keel.Application.Problems;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Problems;
using Keel.Domain.Work;
using Keel.Web.Api.Services;
using Keel.Web.Api.Work;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Problems;

/// <summary>The answer of <c>POST /problem-candidates/detect</c>: how many new candidates the check proposed.</summary>
public sealed record DetectResponse(int Created);

/// <summary>The body of <c>POST /problems/{number}/incidents</c>: the incident to link.</summary>
public sealed record IncidentLinkBody(string? Number);

/// <summary>
/// Problems and known errors (<c>/api/v1/problems</c>): the shared work endpoints (list, move, conversation, time,
/// history) plus their own create, read and update with root cause and workaround, and their linked incidents
/// (a CausedBy link from each incident to the problem). Known errors suggested on an incident, problem candidates and
/// the candidate settings live here too.
/// </summary>
public static class ProblemsApi
{
    public static IEndpointRouteBuilder MapProblemsApi(this IEndpointRouteBuilder app)
    {
        var problems = WorkApi.MapKind(app, WorkKind.Problem, Policies.Problems, ItemEndpoints.ListOnly).WithTags("Problems");
        problems.MapPost("", Create).RequireAuthorization(Policies.Problems).WithName("CreateProblem")
            .WithSummary("Raise a problem: { title, description?, serviceId, configurationItemId?, impact 1..3, urgency 1..3, category?, incidents?: [\"INC…\"] }. Each incident is linked to it (CausedBy from the incident).");
        problems.MapGet("/{number}", Get).RequireAuthorization(Policies.Problems).WithName("GetProblem")
            .WithSummary("One problem with its root cause, workaround, known-error time and linked incidents (the latest 200; incidentCount counts all), its ETag and the states the caller may move it to.");
        problems.MapPatch("/{number}", Update).RequireAuthorization(Policies.Problems).WithName("UpdateProblem")
            .WithSummary("Merge patch with If-Match: title, description, impact, urgency, category, configurationItemId, team, assignee, rootCause, workaround (Markdown). Resolving needs a root cause, a known error a workaround.");
        problems.MapGet("/{number}/incidents", Incidents).RequireAuthorization(Policies.Problems).WithName("ListProblemIncidents")
            .WithSummary("The incidents linked to the problem, newest first (at most 200).");
        problems.MapPost("/{number}/incidents", Link).RequireAuthorization(Policies.Problems).WithName("LinkProblemIncident")
            .WithSummary("Link an incident to the problem: { number: \"INC…\" }. Answers the problem.");
        problems.MapDelete("/{number}/incidents/{incident}", Unlink).RequireAuthorization(Policies.Problems).WithName("UnlinkProblemIncident")
            .WithSummary("Remove the link between the incident and the problem.");

        app.MapGet("/api/v1/incidents/{number}/known-errors", KnownErrors).WithTags("Problems").RequireAuthorization(Policies.Staff)
            .WithName("ListIncidentKnownErrors")
            .WithSummary("Known errors to try on this incident: problems in KnownError (or Resolved with a workaround) on the same service or CI, best text match first; limit 1..20 (default 5).");

        var candidates = app.MapGroup("/api/v1/problem-candidates").WithTags("Problems");
        candidates.MapGet("", Candidates).RequireAuthorization(Policies.Problems).WithName("ListProblemCandidates")
            .WithSummary("Problem candidates proposed by Keel; state=Open (default), Accepted, Dismissed (comma-separated); sort by createdAt (default -createdAt) or updatedAt.");
        candidates.MapPost("/detect", Detect).RequireAuthorization(Policies.Problems).WithName("DetectProblemCandidates")
            .WithSummary("Problem managers and admins: run the candidate check now (it also runs every hour); answers { created }.");
        candidates.MapGet("/{id:guid}", Candidate).RequireAuthorization(Policies.Problems).WithName("GetProblemCandidate")
            .WithSummary("One problem candidate with its incidents.");
        candidates.MapPost("/{id:guid}/accept", Accept).RequireAuthorization(Policies.Problems).WithName("AcceptProblemCandidate")
            .WithSummary("Problem managers and admins: raise a problem linked to the candidate's incidents; answers 201 with the problem. If-Match optional.");
        candidates.MapPost("/{id:guid}/dismiss", Dismiss).RequireAuthorization(Policies.Problems).WithName("DismissProblemCandidate")
            .WithSummary("Problem managers and admins: dismiss the candidate with { reason }. The group is proposed again only by incidents raised afterwards. If-Match optional.");

        var settings = app.MapGroup("/api/v1/problem-settings").WithTags("Problems");
        settings.MapGet("", GetSettings).RequireAuthorization(Policies.Problems).WithName("GetProblemSettings")
            .WithSummary("When a problem candidate is proposed: candidateThreshold incidents within candidateWindowDays days (defaults 5 and 7).");
        settings.MapPatch("", UpdateSettings).RequireAuthorization(Policies.Admin).WithName("UpdateProblemSettings")
            .WithSummary("Admins: merge patch with If-Match: candidateThreshold (2..1000), candidateWindowDays (1..90).");
        return app;
    }

    private static async Task<Results<Created<ProblemView>, ProblemHttpResult>> Create(ProblemDraft draft, ProblemService problems, CancellationToken ct) =>
        Created(await problems.CreateAsync(draft, ct), p => $"/api/v1/problems/{p.Number}");

    private static async Task<Results<Ok<ProblemView>, ProblemHttpResult>> Get(string number, HttpContext http, ProblemService problems, CancellationToken ct) =>
        WithETag(http, await problems.GetAsync(number, ct), p => p.Version);

    private static async Task<Results<Ok<ProblemView>, ProblemHttpResult>> Update(string number, JsonElement body, HttpContext http, ProblemService problems, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "impact", "urgency");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var work = new WorkPatch(
            p.String("title"), p.String("description"), fields.Int("impact"), fields.Int("urgency"), p.String("category"),
            p.Guid("configurationItemId"), p.Guid("team"), p.Guid("assignee"));
        var patch = new ProblemPatch(work, p.String("rootCause"), p.String("workaround"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await problems.UpdateAsync(number, version.Value, patch, ct), x => x.Version);
    }

    private static async Task<Results<Ok<ListResponse<ProblemIncidentView>>, ProblemHttpResult>> Incidents(string number, ProblemService problems, CancellationToken ct) =>
        All(await problems.IncidentsAsync(number, ct));

    private static async Task<Results<Created<ProblemView>, ProblemHttpResult>> Link(string number, IncidentLinkBody body, ProblemService problems, CancellationToken ct) =>
        Created(await problems.LinkIncidentAsync(number, body.Number, ct), p => $"/api/v1/problems/{p.Number}/incidents");

    private static async Task<Results<NoContent, ProblemHttpResult>> Unlink(string number, string incident, ProblemService problems, CancellationToken ct)
    {
        var result = await problems.UnlinkIncidentAsync(number, incident, ct);
        return result.IsSuccess ? TypedResults.NoContent() : Problem(result.Error!);
    }

    private static async Task<Results<Ok<ListResponse<KnownErrorSuggestion>>, ProblemHttpResult>> KnownErrors(
        string number, int? limit, KnownErrorService knownErrors, CancellationToken ct) =>
        All(await knownErrors.ForIncidentAsync(number, limit, ct));

    private static async Task<Results<Ok<ListResponse<CandidateView>>, ProblemHttpResult>> Candidates(
        [AsParameters] ListQuery list, string? state, CandidateService candidates, CancellationToken ct)
    {
        var states = new List<CandidateState>();
        foreach (var value in (state ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<CandidateState>(value, true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problem(Error.Validation("state", "must be Open, Accepted or Dismissed (comma-separated)."));
            }
            states.Add(parsed);
        }
        return List(await candidates.ListAsync(states, list.Page, ct));
    }

    private static async Task<Results<Ok<DetectResponse>, ProblemHttpResult>> Detect(CandidateService candidates, CancellationToken ct)
    {
        var result = await candidates.DetectNowAsync(ct);
        return result.IsSuccess ? TypedResults.Ok(new DetectResponse(result.Value)) : Problem(result.Error!);
    }

    private static async Task<Results<Ok<CandidateView>, ProblemHttpResult>> Candidate(Guid id, HttpContext http, CandidateService candidates, CancellationToken ct) =>
        WithETag(http, await candidates.GetAsync(id, ct), c => c.Version);

    private static async Task<Results<Created<ProblemView>, ProblemHttpResult>> Accept(Guid id, HttpContext http, CandidateService candidates, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        return version.IsSuccess
            ? Created(await candidates.AcceptAsync(id, version.Value, ct), p => $"/api/v1/problems/{p.Number}")
            : Problem(version.Error!);
    }

    private static async Task<Results<Ok<CandidateView>, ProblemHttpResult>> Dismiss(Guid id, DismissDraft draft, HttpContext http, CandidateService candidates, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        return version.IsSuccess ? WithETag(http, await candidates.DismissAsync(id, version.Value, draft, ct), c => c.Version) : Problem(version.Error!);
    }

    private static async Task<Results<Ok<ProblemSettingsView>, ProblemHttpResult>> GetSettings(HttpContext http, ProblemSettingsService settings, CancellationToken ct) =>
        WithETag(http, await settings.GetAsync(ct), s => s.Version);

    private static async Task<Results<Ok<ProblemSettingsView>, ProblemHttpResult>> UpdateSettings(JsonElement body, HttpContext http, ProblemSettingsService settings, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "candidateThreshold", "candidateWindowDays");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var patch = new ProblemSettingsPatch(fields.Int("candidateThreshold"), fields.Int("candidateWindowDays"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await settings.UpdateAsync(version.Value, patch, ct), s => s.Version);
    }
}
