using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Knowledge;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Knowledge;

/// <summary>
/// Knowledge articles: written and moved along their lifecycle by IT staff (<see cref="KnowledgeAccess"/>), read by
/// everyone at their level, found by ranked full-text search (<see cref="KnowledgeSearch"/>).
/// </summary>
public sealed class KnowledgeService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    public const int MaxSuggestions = 10;

    private static readonly KeysetPager<KnowledgeArticle> Pager = new(a => a.Id,
        SortKey<KnowledgeArticle>.By("title", a => a.Title), SortKey<KnowledgeArticle>.By("updated", a => a.UpdatedAt));

    private static readonly KeysetPager<KnowledgeVersion> VersionPager = new(v => v.Id, SortKey<KnowledgeVersion>.By("number", v => v.Number));

    private bool IsWriter => KnowledgeAccess.IsWriter(user);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Articles the caller may read, filtered; with <c>q</c> and no sort, ranked best first (the cursor then carries
    /// the position in the ranking), otherwise in the sort's order.
    /// </summary>
    public async Task<Result<Page<ArticleListItem>>> ListAsync(ArticleFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = await VisibleAsync(ct);
        if (filter.ServiceIds is { Count: > 0 } services)
        {
            query = query.Where(a => db.Set<KnowledgeArticleService>().Any(s => s.ArticleId == a.Id && services.Contains(s.ServiceId)));
        }
        if (filter.States is { Count: > 0 } states && IsWriter)
        {
            query = query.Where(a => states.Contains(a.State));
        }
        if (filter.KnownErrorId is { } knownError)
        {
            query = query.Where(a => a.KnownErrorId == knownError);
        }
        var terms = KnowledgeSearch.AllTerms(filter.Q);
        if (terms.Count > 0 && string.IsNullOrWhiteSpace(page.Sort))
        {
            return await RankedAsync(query, KnowledgeSearch.Hits(db, terms, any: false), page, ct);
        }
        if (terms.Count > 0)
        {
            var hits = KnowledgeSearch.Hits(db, terms, any: false);
            query = query.Where(a => hits.Any(h => h.ArticleId == a.Id));
        }
        var result = await Pager.PageAsync(query, page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        return new Page<ArticleListItem>(await ItemsAsync([.. result.Value!.Items.Select(a => (a, (double?)null))], ct), result.Value.NextCursor);
    }

    /// <summary>
    /// Published articles that match any telling word of a half-written incident, best first: the portal's suggestions.
    /// Only what the caller may read; for a requester, only about the services offered to them.
    /// </summary>
    public async Task<Result<IReadOnlyList<ArticleListItem>>> SuggestAsync(string? text, Guid? serviceId, CancellationToken ct)
    {
        var terms = KnowledgeSearch.AnyTerms(text);
        if (terms.Count == 0)
        {
            return Result<IReadOnlyList<ArticleListItem>>.Ok([]);
        }
        var query = (await VisibleAsync(ct)).Where(a => a.PublishedNumber != null && a.State != ArticleState.Retired);
        var hits = KnowledgeSearch.Hits(db, terms, any: true);
        var rows = await query.Join(hits, a => a.Id, h => h.ArticleId, (a, h) => new { Article = a, h.Rank })
            .OrderByDescending(x => x.Rank).ThenBy(x => x.Article.Id).Take(MaxSuggestions * 3).ToListAsync(ct);
        var ranked = rows.Select(r => (r.Article, (double?)r.Rank)).ToList();
        if (serviceId is { } service)
        {
            // Articles about the service the requester chose come first; the others still help when they chose wrong.
            var about = await db.Set<KnowledgeArticleService>().Where(s => s.ServiceId == service).Select(s => s.ArticleId).ToListAsync(ct);
            ranked = [.. ranked.OrderByDescending(r => about.Contains(r.Article.Id))];
        }
        return Result<IReadOnlyList<ArticleListItem>>.Ok(await ItemsAsync([.. ranked.Take(MaxSuggestions)], ct));
    }

    public async Task<Result<ArticleView>> GetAsync(Guid id, CancellationToken ct)
    {
        var article = await (await VisibleAsync(ct)).FirstOrDefaultAsync(a => a.Id == id, ct);
        return article is null ? Error.NotFound("The article") : await ViewAsync(article, ct);
    }

    public async Task<Result<ArticleView>> CreateAsync(ArticleDraft draft, CancellationToken ct)
    {
        if (!IsWriter || user.UserId is not { } me)
        {
            return Error.Forbidden("Only IT staff write knowledge articles.");
        }
        var article = new KnowledgeArticle
        {
            Title = draft.Title?.Trim() ?? "",
            Summary = Blank(draft.Summary),
            Body = draft.Body ?? "",
            Tags = KnowledgeTags.Normalize(draft.Tags),
            KnownErrorId = draft.KnownErrorId,
            AuthorId = me,
            OwnerId = draft.OwnerId ?? me,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        var services = draft.ServiceIds?.Distinct().ToList() ?? [];
        if (await ValidateAsync(article, services, draft.Tags, ct) is { } invalid)
        {
            return invalid;
        }
        db.Add(article);
        db.AddRange(services.Select(s => new KnowledgeArticleService { ArticleId = article.Id, ServiceId = s }));
        await db.SaveChangesAsync(ct);
        return await ViewAsync(article, ct);
    }

    /// <summary>Changes the working copy; a published article becomes the draft of its next version (the published one stays readable).</summary>
    public async Task<Result<ArticleView>> UpdateAsync(Guid id, long expectedVersion, ArticlePatch patch, CancellationToken ct)
    {
        if (!IsWriter)
        {
            return Error.Forbidden("Only IT staff edit knowledge articles.");
        }
        var article = await db.Set<KnowledgeArticle>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return Error.NotFound("The article");
        }
        if (article.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        if (article.BeginEdit(Now) is { } refused)
        {
            return refused;
        }
        article.Title = patch.Title.Or(article.Title)?.Trim() ?? "";
        article.Summary = Blank(patch.Summary.Or(article.Summary));
        article.Body = patch.Body.Or(article.Body) ?? "";
        if (patch.Tags.IsSet)
        {
            article.Tags = KnowledgeTags.Normalize(patch.Tags.Value);
        }
        article.KnownErrorId = patch.KnownErrorId.Or(article.KnownErrorId);
        article.OwnerId = patch.OwnerId.Or(article.OwnerId) ?? Guid.Empty;
        var links = await db.Set<KnowledgeArticleService>().Where(s => s.ArticleId == id).ToListAsync(ct);
        var services = patch.ServiceIds.IsSet ? patch.ServiceIds.Value?.Distinct().ToList() ?? [] : [.. links.Select(l => l.ServiceId)];
        if (await ValidateAsync(article, services, patch.Tags.IsSet ? patch.Tags.Value : null, ct) is { } invalid)
        {
            return invalid;
        }
        if (patch.ServiceIds.IsSet)
        {
            db.RemoveRange(links.Where(l => !services.Contains(l.ServiceId)));
            db.AddRange(services.Where(s => links.All(l => l.ServiceId != s)).Select(s => new KnowledgeArticleService { ArticleId = id, ServiceId = s }));
        }
        db.Entry(article).Property(a => a.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<ArticleView>)await ViewAsync(article, ct);
    }

    /// <summary>Moves the article along its lifecycle (<see cref="ArticleLifecycle"/>); publishing writes the next immutable version.</summary>
    public async Task<Result<ArticleView>> TransitionAsync(Guid id, long? expectedVersion, ArticleTransition transition, CancellationToken ct)
    {
        if (!IsWriter)
        {
            return Error.Forbidden("Only IT staff move knowledge articles along their lifecycle.");
        }
        if (transition.To is not { } to || !Enum.IsDefined(to))
        {
            return Error.Validation("to", "must be one of " + string.Join(", ", Enum.GetNames<ArticleState>()) + ".");
        }
        var article = await db.Set<KnowledgeArticle>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return Error.NotFound("The article");
        }
        if (expectedVersion is { } expected && expected != article.Version)
        {
            return Error.Concurrency();
        }
        var moved = article.MoveTo(to, KnowledgeAccess.CanApprove(user, article), user.UserId, Now);
        if (!moved.IsSuccess)
        {
            return moved.Error!;
        }
        if (moved.Value is { } version)
        {
            db.Add(version);
        }
        return await db.SaveOrConflictAsync(ct) ?? (Result<ArticleView>)await ViewAsync(article, ct);
    }

    /// <summary>The published versions of an article, newest first by default (sort: number or -number).</summary>
    public async Task<Result<Page<ArticleVersionView>>> VersionsAsync(Guid id, PageRequest page, CancellationToken ct)
    {
        if (!await (await VisibleAsync(ct)).AnyAsync(a => a.Id == id, ct))
        {
            return Error.NotFound("The article");
        }
        var result = await VersionPager.PageAsync(db.Set<KnowledgeVersion>().AsNoTracking().Where(v => v.ArticleId == id),
            page with { Sort = string.IsNullOrWhiteSpace(page.Sort) ? "-number" : page.Sort }, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var names = await db.DisplayNamesAsync(result.Value!.Items.Where(v => v.PublishedById is not null).Select(v => v.PublishedById!.Value), ct);
        return result.Value.Map(v => VersionView(v, names));
    }

    public async Task<Result<ArticleVersionView>> GetVersionAsync(Guid id, int number, CancellationToken ct)
    {
        var visible = await VisibleAsync(ct);
        var version = await db.Set<KnowledgeVersion>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.ArticleId == id && v.Number == number && visible.Any(a => a.Id == id), ct);
        if (version is null)
        {
            return Error.NotFound("The version");
        }
        var names = await db.DisplayNamesAsync(version.PublishedById is { } by ? [by] : [], ct);
        return VersionView(version, names);
    }

    /// <summary>Every article for IT staff; for anyone else only readable articles about the services offered to them.</summary>
    internal async Task<IQueryable<KnowledgeArticle>> VisibleAsync(CancellationToken ct)
    {
        var all = db.Set<KnowledgeArticle>().AsNoTracking();
        if (IsWriter)
        {
            return all;
        }
        var offered = (await Services.PortfolioService.OfferedServiceIdsAsync(db, user, ct)).ToList();
        return all.Where(a => a.PublishedNumber != null && a.State != ArticleState.Retired
            && db.Set<KnowledgeArticleService>().Any(s => s.ArticleId == a.Id && offered.Contains(s.ServiceId)));
    }

    private async Task<Result<Page<ArticleListItem>>> RankedAsync(
        IQueryable<KnowledgeArticle> query, IQueryable<KnowledgeSearchHit> hits, PageRequest page, CancellationToken ct)
    {
        var errors = new FieldErrors();
        page.Validate(errors);
        var offset = RankCursor.Decode(page.Cursor, errors);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var limit = page.EffectiveLimit;
        var rows = await query.Join(hits, a => a.Id, h => h.ArticleId, (a, h) => new { Article = a, h.Rank })
            .OrderByDescending(x => x.Rank).ThenBy(x => x.Article.Id).Skip(offset).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? RankCursor.Encode(offset + limit) : null;
        return new Page<ArticleListItem>(await ItemsAsync([.. rows.Take(limit).Select(r => (r.Article, (double?)r.Rank))], ct), next);
    }

    private async Task<IReadOnlyList<ArticleListItem>> ItemsAsync(IReadOnlyList<(KnowledgeArticle Article, double? Rank)> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Article.Id).ToList();
        var services = (await db.Set<KnowledgeArticleService>().Where(s => ids.Contains(s.ArticleId))
                .Join(db.Set<Service>(), l => l.ServiceId, s => s.Id, (l, s) => new { l.ArticleId, s.Id, s.Name }).ToListAsync(ct))
            .ToLookup(x => x.ArticleId, x => new Ref(x.Id, x.Name));
        var published = IsWriter ? [] : await PublishedAsync(rows.Select(r => r.Article), ct);
        return rows.Select(r =>
        {
            var a = r.Article;
            var shown = published.GetValueOrDefault(a.Id);
            return new ArticleListItem(a.Id, shown?.Title ?? a.Title, shown is null ? a.Summary : shown.Summary, a.State, a.PublishedNumber,
                [.. services[a.Id].OrderBy(s => s.Name, StringComparer.Ordinal)], KnowledgeTags.Split(shown?.Tags ?? a.Tags), a.UpdatedAt, r.Rank);
        }).ToList();
    }

    /// <summary>The latest published version of each article, by article id.</summary>
    private async Task<Dictionary<Guid, KnowledgeVersion>> PublishedAsync(IEnumerable<KnowledgeArticle> articles, CancellationToken ct)
    {
        var ids = articles.Where(a => a.PublishedNumber is not null).Select(a => a.Id).ToList();
        // Only the published version of each, chosen in the query: older versions carry whole bodies nobody reads here.
        return await db.Set<KnowledgeVersion>().AsNoTracking()
            .Where(v => ids.Contains(v.ArticleId) && db.Set<KnowledgeArticle>().Any(a => a.Id == v.ArticleId && a.PublishedNumber == v.Number))
            .ToDictionaryAsync(v => v.ArticleId, ct);
    }

    private async Task<ArticleView> ViewAsync(KnowledgeArticle a, CancellationToken ct)
    {
        var services = await db.Set<KnowledgeArticleService>().Where(l => l.ArticleId == a.Id)
            .Join(db.Set<Service>(), l => l.ServiceId, s => s.Id, (l, s) => new Ref(s.Id, s.Name)).ToListAsync(ct);
        var names = await db.DisplayNamesAsync([a.AuthorId, a.OwnerId], ct);
        var published = (await PublishedAsync([a], ct)).GetValueOrDefault(a.Id);
        var usage = new KnowledgeUsage(db);
        var helpful = await usage.HelpfulAsync(a.Id, a.PublishedNumber, ct);
        bool? myVote = user.UserId is { } me && a.PublishedNumber is { } number
            ? await db.Set<KnowledgeFeedback>().Where(f => f.ArticleId == a.Id && f.VersionNumber == number && f.UserId == me)
                .Select(f => (bool?)f.Helpful).FirstOrDefaultAsync(ct)
            : null;
        var writer = IsWriter;
        var knownError = writer && a.KnownErrorId is { } problem
            ? await db.Set<WorkItem>().Where(w => w.Id == problem).Select(w => new Work.WorkRef(w.Number, w.Title)).FirstOrDefaultAsync(ct)
            : null;
        var canApprove = writer && KnowledgeAccess.CanApprove(user, a);
        IReadOnlyList<ArticleState> moves = writer
            ? [.. ArticleLifecycle.AllowedFrom(a.State).Where(s => canApprove || !ArticleLifecycle.NeedsApprover(s))]
            : [];
        // Readers outside IT read the latest published version, never the draft of the next one.
        var shown = writer ? null : published;
        return new ArticleView(a.Id, shown?.Title ?? a.Title, shown is null ? a.Summary : shown.Summary, shown?.Body ?? a.Body,
            KnowledgeTags.Split(shown?.Tags ?? a.Tags), [.. services.OrderBy(s => s.Name, StringComparer.Ordinal)],
            writer ? a.KnownErrorId : null, knownError,
            new Ref(a.AuthorId, names.GetValueOrDefault(a.AuthorId, "")), new Ref(a.OwnerId, names.GetValueOrDefault(a.OwnerId, "")),
            a.State, a.PublishedNumber, published?.PublishedAt, a.UpdatedAt, helpful, myVote,
            writer ? await usage.UsageAsync(a.Id, Now, ct) : null,
            writer && a.State is ArticleState.Draft or ArticleState.Published, canApprove, moves, a.Version);
    }

    private async Task<Error?> ValidateAsync(KnowledgeArticle article, IReadOnlyList<Guid> services, IReadOnlyList<string>? tags, CancellationToken ct)
    {
        var errors = new FieldErrors();
        article.Validate(errors);
        if (tags?.Any(t => t.Trim().Length > KnowledgeTags.MaxTagLength) == true)
        {
            errors.Add("tags", $"each tag must be at most {KnowledgeTags.MaxTagLength} characters.");
        }
        if (services.Count == 0)
        {
            errors.Add("serviceIds", "must name at least one service.");
        }
        else if (services.Count > KnowledgeArticle.MaxServices)
        {
            errors.Add("serviceIds", $"must name at most {KnowledgeArticle.MaxServices} services.");
        }
        else if (await db.Set<Service>().CountAsync(s => services.Contains(s.Id), ct) != services.Count)
        {
            errors.Add("serviceIds", "names a service that does not exist.");
        }
        if (article.KnownErrorId is { } problem && !await db.Set<WorkItem>().AnyAsync(w => w.Id == problem && w.Kind == WorkKind.Problem, ct))
        {
            errors.Add("knownErrorId", "is not a problem.");
        }
        if (!await db.Users.AnyAsync(u => u.Id == article.OwnerId && u.IsActive, ct))
        {
            errors.Add("ownerId", "is not an active person.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    private static ArticleVersionView VersionView(KnowledgeVersion v, Dictionary<Guid, string> names) =>
        new(v.Number, v.Title, v.Summary, v.Body, KnowledgeTags.Split(v.Tags), v.PublishedAt,
            v.PublishedById is { } by ? new Ref(by, names.GetValueOrDefault(by, "")) : null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
