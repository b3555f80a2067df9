using System.Text.Json;
using Keel.Application.Knowledge;
using Keel.Domain.Knowledge;
using Keel.Domain.Platform;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Keel.Web.Components.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Knowledge;

/// <summary>The body of <c>POST /api/v1/knowledge/sessions/{sessionId}/solved</c>.</summary>
public sealed record SolvedBody(Guid? ArticleId);

public static class KnowledgeApi
{
    public static IEndpointRouteBuilder MapKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/knowledge").WithTags("Knowledge");
        group.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithName("ListArticles")
            .WithSummary("Articles; q= full-text search (every word, as a prefix), ranked best first unless sort= (title, updated) is given; service= and state= (comma-separated), knownErrorId=. Requesters get only published articles about services offered to them.");
        group.MapGet("/suggestions", Suggestions).RequireAuthorization(Policies.SignedIn).WithName("SuggestArticles")
            .WithSummary("Published articles matching any telling word of text= (a half-written incident), best first, at most 10; serviceId= puts articles about that service first. Not paged.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetArticle")
            .WithSummary("One article with its ETag and bodyHtml (sanitized). IT staff get the working copy and usage (views, votes, deflections); others the latest published version.");
        group.MapPost("", Create).RequireAuthorization(Policies.Knowledge).WithName("CreateArticle")
            .WithSummary("Write a draft: { title, summary?, body (Markdown), tags?, serviceIds (one or more), knownErrorId?, ownerId? }.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Knowledge).WithName("UpdateArticle")
            .WithSummary("Change the working copy (merge patch, If-Match required). A published article becomes the draft of its next version; the published one stays readable.");
        group.MapPost("/{id:guid}/transitions", Transition).RequireAuthorization(Policies.Knowledge).WithName("TransitionArticle")
            .WithSummary("{ \"to\": \"Review\" | \"Draft\" | \"Published\" | \"Retired\" }. Publishing and retiring need a team lead, an admin or the article's owner; publishing writes the next version.");
        group.MapGet("/{id:guid}/versions", Versions).RequireAuthorization(Policies.SignedIn).WithName("ListArticleVersions")
            .WithSummary("The published versions, newest first (sort=number for oldest first).");
        group.MapGet("/{id:guid}/versions/{number:int}", Version).RequireAuthorization(Policies.SignedIn).WithName("GetArticleVersion")
            .WithSummary("One published version with bodyHtml.");
        group.MapPost("/{id:guid}/feedback", Vote).RequireAuthorization(Policies.SignedIn).WithName("RateArticle")
            .WithSummary("Was this helpful: { \"helpful\": true|false, \"comment\"? (read by IT staff) }. One vote per person per version; voting again replaces it.");
        group.MapGet("/{id:guid}/feedback", Feedback).RequireAuthorization(Policies.Knowledge).WithName("ListArticleFeedback")
            .WithSummary("The votes with their comments, newest first.");
        group.MapPost("/{id:guid}/views", View).RequireAuthorization(Policies.SignedIn).WithName("RecordArticleView")
            .WithSummary("Count a view: { \"sessionId\"? } — the portal's raise form sends its session so a deflection can be counted.");
        group.MapPost("/sessions/{sessionId:guid}/solved", Solved).RequireAuthorization(Policies.SignedIn).WithName("ArticleSolvedIt")
            .WithSummary("\"This solved it\" in the raise form: { \"articleId\" } (opened in this session) counts a deflection for that article.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<ArticleListItem>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, string? service, string? state, Guid? knownErrorId, KnowledgeService knowledge, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var services = new List<Guid>();
        foreach (var part in Parts(service))
        {
            if (Guid.TryParse(part, out var id))
            {
                services.Add(id);
            }
            else
            {
                errors.Add("service", "must be service ids (comma-separated for several).");
            }
        }
        var states = new List<ArticleState>();
        foreach (var part in Parts(state))
        {
            if (Enum.TryParse<ArticleState>(part, true, out var parsed) && Enum.IsDefined(parsed))
            {
                states.Add(parsed);
            }
            else
            {
                errors.Add("state", "must be Draft, Review, Published or Retired (comma-separated for several).");
            }
        }
        if (errors.Any)
        {
            return Problem(errors.ToError());
        }
        return ApiResults.List(await knowledge.ListAsync(new ArticleFilter(query.Q, services, states, knownErrorId), query.Page, ct));
    }

    private static async Task<Results<Ok<ListResponse<ArticleListItem>>, ProblemHttpResult>> Suggestions(
        string? text, Guid? serviceId, KnowledgeService knowledge, CancellationToken ct) =>
        All(await knowledge.SuggestAsync(text, serviceId, ct));

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> Get(Guid id, HttpContext http, KnowledgeService knowledge, CancellationToken ct) =>
        WithETag(http, Rendered(await knowledge.GetAsync(id, ct)), a => a.Version);

    private static async Task<Results<Created<ArticleView>, ProblemHttpResult>> Create(ArticleDraft draft, KnowledgeService knowledge, CancellationToken ct) =>
        Created(Rendered(await knowledge.CreateAsync(draft, ct)), a => $"/api/v1/knowledge/{a.Id}");

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, KnowledgeService knowledge, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "serviceIds");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, fields) = split.Value;
        var patch = new ArticlePatch(p.String("title"), p.String("summary"), p.String("body"), p.Strings("tags"), fields.Guids("serviceIds"),
            p.Guid("knownErrorId"), p.Guid("ownerId"));
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, Rendered(await knowledge.UpdateAsync(id, version.Value, patch, ct)), a => a.Version);
    }

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> Transition(
        Guid id, ArticleTransition transition, HttpContext http, KnowledgeService knowledge, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        return version.IsSuccess
            ? WithETag(http, Rendered(await knowledge.TransitionAsync(id, version.Value, transition, ct)), a => a.Version)
            : Problem(version.Error!);
    }

    private static async Task<Results<Ok<ListResponse<ArticleVersionView>>, ProblemHttpResult>> Versions(
        Guid id, [AsParameters] ListQuery query, KnowledgeService knowledge, CancellationToken ct) =>
        ApiResults.List(await knowledge.VersionsAsync(id, query.Page, ct));

    private static async Task<Results<Ok<ArticleVersionView>, ProblemHttpResult>> Version(Guid id, int number, KnowledgeService knowledge, CancellationToken ct)
    {
        var result = await knowledge.GetVersionAsync(id, number, ct);
        return result.IsSuccess ? TypedResults.Ok(result.Value! with { BodyHtml = MarkdownRenderer.ToHtml(result.Value.Body).Value }) : Problem(result.Error!);
    }

    private static async Task<Results<Ok<FeedbackResult>, ProblemHttpResult>> Vote(Guid id, FeedbackDraft draft, KnowledgeFeedbackService feedback, CancellationToken ct) =>
        ApiResults.Ok(await feedback.VoteAsync(id, draft, ct));

    private static async Task<Results<Ok<ListResponse<FeedbackView>>, ProblemHttpResult>> Feedback(
        Guid id, [AsParameters] ListQuery query, KnowledgeFeedbackService feedback, CancellationToken ct) =>
        ApiResults.List(await feedback.ListAsync(id, query.Page, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> View(Guid id, ViewDraft? draft, KnowledgeFeedbackService feedback, CancellationToken ct) =>
        NoContent(await feedback.RecordViewAsync(id, draft ?? new ViewDraft(null), ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> Solved(Guid sessionId, SolvedBody body, KnowledgeFeedbackService feedback, CancellationToken ct) =>
        body.ArticleId is { } articleId
            ? NoContent(await feedback.SolvedAsync(sessionId, articleId, ct))
            : Problem(Error.Validation("articleId", "is required."));

    /// <summary>The body as sanitized HTML beside the Markdown, by the same renderer the pages use.</summary>
    private static Result<ArticleView> Rendered(Result<ArticleView> result) =>
        result.IsSuccess ? result.Value! with { BodyHtml = MarkdownRenderer.ToHtml(result.Value.Body).Value } : result;

    private static string[] Parts(string? list) => (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
