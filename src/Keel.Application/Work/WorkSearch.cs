using System.Text;
using Keel.Application.Data;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Keel.Application.Work;

/// <summary>One row of a full-text search: the id of a matching work item.</summary>
public sealed class WorkSearchHit
{
    public Guid WorkItemId { get; set; }
}

internal sealed class WorkSearchHitConfiguration : IEntityTypeConfiguration<WorkSearchHit>
{
    public void Configure(EntityTypeBuilder<WorkSearchHit> b) => b.HasNoKey().ToView(null);
}

/// <summary>
/// Full-text search of work titles and descriptions through each provider's own index (migration WorkSearch):
/// SQLite's FTS5 table <c>WorkItemsFts</c> kept by triggers, PostgreSQL's generated <c>SearchVector</c> with a GIN
/// index. The words of <c>q</c> must all match, each as a prefix ("print" finds "printer"); the text is reduced to
/// letters and digits first, so no search syntax reaches the database from the user.
/// </summary>
public static class WorkSearch
{
    public const int MaxTerms = 8;

    public static IReadOnlyList<string> Terms(string? q)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in (q ?? "") + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                terms.Add(word.ToString());
                word.Clear();
            }
        }
        return terms.Distinct().Take(MaxTerms).ToList();
    }

    /// <summary>Narrows <paramref name="items"/> to those matching every term; no terms means no narrowing.</summary>
    public static IQueryable<WorkItem> Matching(KeelDb db, IQueryable<WorkItem> items, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0)
        {
            return items;
        }
        var hits = db.IsPostgres
            ? db.Set<WorkSearchHit>().FromSqlInterpolated(
                $"""SELECT "Id" AS "WorkItemId" FROM "WorkItems" WHERE "SearchVector" @@ to_tsquery('english', {string.Join(" & ", terms.Select(t => t + ":*"))})""")
            : db.Set<WorkSearchHit>().FromSqlInterpolated(
                $"""SELECT "WorkItemId" FROM "WorkItemsFts" WHERE "WorkItemsFts" MATCH {string.Join(" AND ", terms.Select(t => "\"" + t + "\"*"))}""");
        return items.Where(w => hits.Any(h => h.WorkItemId == w.Id));
    }
}
