using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Domain.Knowledge;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Knowledge;

/// <summary>
/// What readers do with articles: "was this helpful" votes, views, and the portal's deflection sessions
/// (<see cref="KnowledgeSession"/>). Everyone who may read an article may vote on it and open it.
/// </summary>
public sealed class KnowledgeFeedbackService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    private static readonly KeysetPager<KnowledgeFeedback> Pager = new(f => f.Id, SortKey<KnowledgeFeedback>.By("at", f => f.At));

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>One vote per person on the latest published version: voting again replaces the vote.</summary>
    public async Task<Result<FeedbackResult>> VoteAsync(Guid articleId, FeedbackDraft draft, CancellationToken ct)
    {
        var article = await ReadableAsync(articleId, ct);
        if (article is null)
        {
            return Error.NotFound("The article");
        }
        if (article.PublishedNumber is not { } number || article.State == ArticleState.Retired)
        {
            return Error.Conflict("Only a published article can be rated.");
        }
        if (user.UserId is not { } me)
        {
            return Error.Forbidden("Only a person can rate an article.");
        }
        var errors = new FieldErrors();
        if (draft.Helpful is null)
        {
            errors.Add("helpful", "is required (true or false).");
        }
        errors.Optional("comment", draft.Comment, KnowledgeFeedback.CommentMaxLength);
        if (errors.Any)
        {
            return errors.ToError();
        }
        var vote = await db.Set<KnowledgeFeedback>().FirstOrDefaultAsync(f => f.ArticleId == articleId && f.VersionNumber == number && f.UserId == me, ct);
        if (vote is null)
        {
            vote = new KnowledgeFeedback { ArticleId = articleId, VersionNumber = number, UserId = me };
            db.Add(vote);
        }
        vote.Helpful = draft.Helpful!.Value;
        vote.Comment = string.IsNullOrWhiteSpace(draft.Comment) ? null : draft.Comment.Trim();
        vote.At = Now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person's second vote raced the first; the unique index kept one.
            return Error.Conflict("Your vote on this version was just recorded; reload to see it.");
        }
        return new FeedbackResult(number, await new KnowledgeUsage(db).HelpfulAsync(articleId, number, ct), vote.Helpful);
    }

    /// <summary>The votes with their comments, newest first by default: IT staff only.</summary>
    public async Task<Result<Page<FeedbackView>>> ListAsync(Guid articleId, PageRequest page, CancellationToken ct)
    {
        if (!KnowledgeAccess.IsWriter(user))
        {
            return Error.Forbidden("Only IT staff read the feedback on articles.");
        }
        if (!await db.Set<KnowledgeArticle>().AnyAsync(a => a.Id == articleId, ct))
        {
            return Error.NotFound("The article");
        }
        var result = await Pager.PageAsync(db.Set<KnowledgeFeedback>().AsNoTracking().Where(f => f.ArticleId == articleId),
            page with { Sort = string.IsNullOrWhiteSpace(page.Sort) ? "-at" : page.Sort }, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var names = await db.DisplayNamesAsync(result.Value!.Items.Select(f => f.UserId), ct);
        return result.Value.Map(f => new FeedbackView(f.Id, f.VersionNumber, new Ref(f.UserId, names.GetValueOrDefault(f.UserId, "")), f.Helpful, f.Comment, f.At));
    }

    /// <summary>Counts a view; with a session id (the portal's raise form) it also becomes that session's last article read.</summary>
    public async Task<Result<bool>> RecordViewAsync(Guid articleId, ViewDraft draft, CancellationToken ct)
    {
        if (await ReadableAsync(articleId, ct) is null)
        {
            return Error.NotFound("The article");
        }
        db.Add(new KnowledgeView { ArticleId = articleId, UserId = user.UserId, SessionId = draft.SessionId, At = Now });
        if (draft.SessionId is { } sessionId)
        {
            var session = await SessionAsync(sessionId, ct);
            if (session is null)
            {
                return Error.NotFound("The session");
            }
            session.Viewed(articleId, Now);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>"This solved it": the session counts as deflected by this article at once (it must have been opened in the session).</summary>
    public async Task<Result<bool>> SolvedAsync(Guid sessionId, Guid articleId, CancellationToken ct)
    {
        var session = await SessionAsync(sessionId, ct);
        if (session is null
            || !await db.Set<KnowledgeView>().AnyAsync(v => v.SessionId == sessionId && v.ArticleId == articleId, ct))
        {
            return Error.NotFound("The article opened in this session");
        }
        session.Solved(articleId, Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The requester raised the incident after all: the session deflected nothing. A session without views has nothing to record.</summary>
    public async Task<Result<bool>> RaisedAsync(Guid sessionId, Guid incidentId, CancellationToken ct)
    {
        if (user.UserId is not { } me)
        {
            return false;
        }
        var session = await db.Set<KnowledgeSession>().FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == me, ct);
        if (session is null)
        {
            return false;
        }
        if (!await db.Set<WorkItem>().AnyAsync(w => w.Id == incidentId && w.RequesterId == me, ct))
        {
            return Error.NotFound("The incident");
        }
        session.Raised(incidentId, Now);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The caller's session, started on first use; another person's session id is not found.</summary>
    private async Task<KnowledgeSession?> SessionAsync(Guid sessionId, CancellationToken ct)
    {
        if (user.UserId is not { } me)
        {
            return null;
        }
        var session = db.Set<KnowledgeSession>().Local.FirstOrDefault(s => s.Id == sessionId)
            ?? await db.Set<KnowledgeSession>().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            session = new KnowledgeSession { Id = sessionId, UserId = me, StartedAt = Now };
            db.Add(session);
        }
        return session.UserId == me ? session : null;
    }

    private async Task<KnowledgeArticle?> ReadableAsync(Guid articleId, CancellationToken ct)
    {
        var visible = await new KnowledgeService(db, user, time).VisibleAsync(ct);
        return await visible.FirstOrDefaultAsync(a => a.Id == articleId, ct);
    }
}
