using Keel.Application.Data;
using Keel.Domain.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Knowledge;

/// <summary>The figures of one article: votes, views and deflections, each counted in the database.</summary>
internal sealed class KnowledgeUsage(KeelDb db)
{
    public async Task<HelpfulCounts> HelpfulAsync(Guid articleId, int? versionNumber, CancellationToken ct)
    {
        if (versionNumber is not { } number)
        {
            return new HelpfulCounts(0, 0);
        }
        var votes = await db.Set<KnowledgeFeedback>().Where(f => f.ArticleId == articleId && f.VersionNumber == number)
            .GroupBy(f => f.Helpful).Select(g => new { Helpful = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new HelpfulCounts(votes.Where(v => v.Helpful).Sum(v => v.Count), votes.Where(v => !v.Helpful).Sum(v => v.Count));
    }

    public async Task<ArticleUsage> UsageAsync(Guid articleId, DateTime now, CancellationToken ct)
    {
        var views = await db.Set<KnowledgeView>().CountAsync(v => v.ArticleId == articleId, ct);
        var votes = await db.Set<KnowledgeFeedback>().Where(f => f.ArticleId == articleId)
            .GroupBy(f => f.Helpful).Select(g => new { Helpful = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new ArticleUsage(views, votes.Where(v => v.Helpful).Sum(v => v.Count), votes.Where(v => !v.Helpful).Sum(v => v.Count),
            await DeflectionsAsync(articleId, now, ct));
    }

    /// <summary>The sessions whose deflection falls to this article (the rule of <see cref="KnowledgeSession.DeflectedBy"/>, in SQL).</summary>
    public Task<int> DeflectionsAsync(Guid articleId, DateTime now, CancellationToken ct)
    {
        var abandonedBefore = now - KnowledgeSession.AbandonAfter;
        return db.Set<KnowledgeSession>().CountAsync(s => s.IncidentId == null
            && (s.SolvedArticleId == articleId
                || (s.SolvedArticleId == null && s.LastArticleId == articleId && s.LastViewAt <= abandonedBefore)), ct);
    }
}
