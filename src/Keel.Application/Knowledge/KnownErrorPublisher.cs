using Keel.Application.Data;
using Keel.Domain.Knowledge;
using Keel.Domain.Problems;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Knowledge;

/// <summary>
/// Publishes a known error to the knowledge base (issue: "a known error is published to the knowledge base"): the first
/// time as a new article linked to the problem, later as a new version of that article when the workaround or root
/// cause changed. The article walks the lifecycle (draft, review, published) on behalf of the problem manager, whose
/// role owns known errors; nothing is published when the text is what readers already see.
/// </summary>
internal static class KnownErrorPublisher
{
    /// <summary>Adds the article or its next version to the context's pending changes; the caller saves.</summary>
    public static async Task PublishAsync(KeelDb db, WorkItem problem, ProblemRecord record, Guid? actorId, DateTime now, CancellationToken ct)
    {
        if (KnownErrorContent.Of(problem, record) is not { } content)
        {
            return;
        }
        var (title, summary, body) = (KnownErrorArticle.TitleOf(content), KnownErrorArticle.SummaryOf(content), KnownErrorArticle.BodyOf(content));
        var article = await db.Set<KnowledgeArticle>().Where(a => a.KnownErrorId == problem.Id).OrderBy(a => a.CreatedAt).FirstOrDefaultAsync(ct);
        var author = actorId ?? problem.AssigneeId ?? problem.RequesterId;
        if (article is null)
        {
            article = new KnowledgeArticle
            {
                KnownErrorId = problem.Id, AuthorId = author, OwnerId = author, CreatedAt = now, UpdatedAt = now,
                Tags = KnowledgeTags.Normalize([KnownErrorArticle.Tag]),
            };
            db.Add(article);
        }
        else if (article.State == ArticleState.Published && (article.Title, article.Summary, article.Body) == (title, summary, body))
        {
            return;
        }
        else if (article.State != ArticleState.Draft)
        {
            // Published: its next version; in review or retired: back to draft. Readers keep the published version meanwhile.
            article.MoveTo(ArticleState.Draft, isApprover: true, actorId, now);
        }
        (article.Title, article.Summary, article.Body) = (title, summary, body);
        if (!await db.Set<KnowledgeArticleService>().AnyAsync(s => s.ArticleId == article.Id && s.ServiceId == problem.ServiceId, ct))
        {
            db.Add(new KnowledgeArticleService { ArticleId = article.Id, ServiceId = problem.ServiceId });
        }
        article.MoveTo(ArticleState.Review, isApprover: true, actorId, now);
        if (article.MoveTo(ArticleState.Published, isApprover: true, actorId, now).Value is { } version)
        {
            db.Add(version);
        }
    }
}
