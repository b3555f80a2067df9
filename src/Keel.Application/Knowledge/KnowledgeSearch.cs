using Keel.Application.Data;
using Keel.Application.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Knowledge;

/// <summary>
/// Ranked full-text search of articles through each provider's own index (migration Knowledge): SQLite's FTS5 table
/// <c>KnowledgeArticlesFts</c> kept by triggers and ranked by bm25, PostgreSQL's generated, weighted <c>SearchVector</c>
/// with a GIN index ranked by ts_rank. Both weigh the title above summary and tags, and those above the body. Words
/// match as prefixes; the text is reduced to letters and digits first (<see cref="WorkSearch.Terms"/>), so no search
/// syntax reaches the database from the user.
/// </summary>
public static class KnowledgeSearch
{
    /// <summary>Words too common to say anything about a problem; left out when any word may match (suggestions).</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "not", "but", "with", "from", "this", "that", "does", "doesn", "don", "can", "cannot", "cant",
        "will", "won", "has", "have", "had", "was", "were", "are", "you", "your", "our", "its", "any", "all", "into",
        "when", "what", "why", "how", "who", "there", "them", "they", "then", "than", "too", "very", "just", "get", "got",
        "after", "before", "again", "still", "anymore", "working", "work", "works", "problem", "issue", "help", "please",
    };

    /// <summary>The words of a search box: all must match (each as a prefix).</summary>
    public static IReadOnlyList<string> AllTerms(string? q) => WorkSearch.Terms(q);

    /// <summary>
    /// The words of a half-written incident: any may match, ranked by how many and where. Short and common words are
    /// left out, or every article would match "my laptop does not start".
    /// </summary>
    public static IReadOnlyList<string> AnyTerms(string? text) =>
        WorkSearch.Terms(text).Where(t => t.Length >= 3 && !CommonWords.Contains(t)).ToList();

    /// <summary>Matching article ids with their rank; <paramref name="any"/> joins the terms with OR instead of AND.</summary>
    public static IQueryable<KnowledgeSearchHit> Hits(KeelDb db, IReadOnlyList<string> terms, bool any)
    {
        if (db.IsPostgres)
        {
            var query = string.Join(any ? " | " : " & ", terms.Select(t => t + ":*"));
            return db.Set<KnowledgeSearchHit>().FromSqlInterpolated($"""
                SELECT a."Id" AS "ArticleId", ts_rank(a."SearchVector", q)::double precision AS "Rank"
                FROM "KnowledgeArticles" a, to_tsquery('english', {query}) q
                WHERE a."SearchVector" @@ q
                """);
        }
        var match = string.Join(any ? " OR " : " AND ", terms.Select(t => "\"" + t + "\"*"));
        // bm25 is lower for better matches; its weights follow the table's columns (the id is not searched).
        return db.Set<KnowledgeSearchHit>().FromSqlInterpolated($"""
            SELECT "ArticleId", -bm25("KnowledgeArticlesFts", 0.0, 10.0, 4.0, 4.0, 1.0) AS "Rank"
            FROM "KnowledgeArticlesFts" WHERE "KnowledgeArticlesFts" MATCH {match}
            """);
    }
}
