using Keel.Domain.Platform;

namespace Keel.Domain.Knowledge;

/// <summary>
/// A knowledge article: the working copy (title, summary, Markdown body, tags) plus the number of its latest published
/// <see cref="KnowledgeVersion"/>. Readers see that version; editors change the working copy, and each publish freezes
/// the working copy into a new immutable version.
/// </summary>
public sealed class KnowledgeArticle : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 500;
    public const int BodyMaxLength = 50_000;
    public const int TagsMaxLength = 500;
    public const int MaxServices = 20;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Title { get; set; } = "";
    public string? Summary { get; set; }

    /// <summary>Markdown; sanitized when rendered.</summary>
    public string Body { get; set; } = "";

    /// <summary>Keywords, normalized by <see cref="KnowledgeTags.Normalize"/> ("vpn, wi-fi").</summary>
    public string Tags { get; set; } = "";

    /// <summary>The known error (a problem work item) this article documents the workaround of.</summary>
    public Guid? KnownErrorId { get; set; }

    public Guid AuthorId { get; set; }
    public Guid OwnerId { get; set; }
    public ArticleState State { get; set; } = ArticleState.Draft;

    /// <summary>The latest published version's number; null until first published.</summary>
    public int? PublishedNumber { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    /// <summary>Requesters read an article that has a published version and is not retired.</summary>
    public bool IsReadable => PublishedNumber is not null && State != ArticleState.Retired;

    public void Validate(FieldErrors errors)
    {
        errors.Required("title", Title, TitleMaxLength);
        errors.Required("body", Body, BodyMaxLength);
        errors.Optional("summary", Summary, SummaryMaxLength);
        errors.Optional("tags", Tags, TagsMaxLength);
    }

    /// <summary>
    /// Whether the working copy may be changed now: a draft yes; a published article yes, and it becomes the draft of
    /// its next version; under review or retired no (send it back or revive it first).
    /// </summary>
    public Error? BeginEdit(DateTime now)
    {
        switch (State)
        {
            case ArticleState.Draft:
                break;
            case ArticleState.Published:
                State = ArticleState.Draft;
                break;
            default:
                return Error.Conflict($"An article in {State} cannot be edited; move it back to Draft first.");
        }
        UpdatedAt = now;
        return null;
    }

    /// <summary>
    /// Moves the article; publishing returns the new immutable version of the working copy. <paramref name="isApprover"/>
    /// says whether the actor may publish or retire (checked here so the rule holds for every caller).
    /// </summary>
    public Result<KnowledgeVersion?> MoveTo(ArticleState to, bool isApprover, Guid? actor, DateTime now)
    {
        if (ArticleLifecycle.Check(State, to) is { } illegal)
        {
            return illegal;
        }
        if (ArticleLifecycle.NeedsApprover(to) && !isApprover)
        {
            return Error.Forbidden("Only a team lead, an admin or the article's owner publishes or retires an article.");
        }
        State = to;
        UpdatedAt = now;
        if (to != ArticleState.Published)
        {
            return Result<KnowledgeVersion?>.Ok(null);
        }
        PublishedNumber = (PublishedNumber ?? 0) + 1;
        return new KnowledgeVersion
        {
            ArticleId = Id,
            Number = PublishedNumber.Value,
            Title = Title,
            Summary = Summary,
            Body = Body,
            Tags = Tags,
            PublishedAt = now,
            PublishedById = actor,
        };
    }
}

/// <summary>One published version of an article; never changed once written.</summary>
public sealed class KnowledgeVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ArticleId { get; set; }
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string? Summary { get; set; }
    public string Body { get; set; } = "";
    public string Tags { get; set; } = "";
    public DateTime PublishedAt { get; set; }
    public Guid? PublishedById { get; set; }
}

/// <summary>A service an article is about; an article names one or more.</summary>
public sealed class KnowledgeArticleService
{
    public Guid ArticleId { get; set; }
    public Guid ServiceId { get; set; }
}
