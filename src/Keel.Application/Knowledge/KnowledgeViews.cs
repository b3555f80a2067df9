using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Knowledge;

namespace Keel.Application.Knowledge;

/// <summary>A new article (a draft). Services: one or more; the owner defaults to the author.</summary>
public sealed record ArticleDraft(
    string? Title, string? Summary, string? Body, IReadOnlyList<string>? Tags, IReadOnlyList<Guid>? ServiceIds,
    Guid? KnownErrorId = null, Guid? OwnerId = null);

/// <summary>A merge patch of the working copy; absent fields stay as they are.</summary>
public sealed record ArticlePatch(
    Optional<string?> Title = default, Optional<string?> Summary = default, Optional<string?> Body = default,
    Optional<IReadOnlyList<string>?> Tags = default, Optional<IReadOnlyList<Guid>?> ServiceIds = default,
    Optional<Guid?> KnownErrorId = default, Optional<Guid?> OwnerId = default);

public sealed record ArticleTransition(ArticleState? To);

/// <summary>What a list of articles is narrowed to; null or empty leaves a criterion out.</summary>
public sealed record ArticleFilter(
    string? Q = null, IReadOnlyList<Guid>? ServiceIds = null, IReadOnlyList<ArticleState>? States = null, Guid? KnownErrorId = null);

/// <summary>
/// An article in a list. Readers outside IT see the latest published version's title and summary; <see cref="Rank"/>
/// is the search's score when the list is ranked by <c>q</c>.
/// </summary>
public sealed record ArticleListItem(
    Guid Id, string Title, string? Summary, ArticleState State, int? PublishedNumber, IReadOnlyList<Ref> Services,
    IReadOnlyList<string> Tags, DateTime UpdatedAt, double? Rank);

/// <summary>"Was this helpful" votes on the latest published version.</summary>
public sealed record HelpfulCounts(int Yes, int No);

/// <summary>For IT staff: how much an article is used (all versions), and the incidents it spared (see <see cref="KnowledgeSession"/>).</summary>
public sealed record ArticleUsage(int Views, int HelpfulVotes, int NotHelpfulVotes, int Deflections);

/// <summary>
/// One article. IT staff see the working copy (which may be the draft of the next version) with usage figures;
/// readers outside IT see the latest published version and no usage. <see cref="BodyHtml"/> is the body rendered to
/// sanitized HTML by the web layer.
/// </summary>
public sealed record ArticleView(
    Guid Id, string Title, string? Summary, string Body, IReadOnlyList<string> Tags, IReadOnlyList<Ref> Services,
    Guid? KnownErrorId, WorkRef? KnownError, Ref Author, Ref Owner, ArticleState State, int? PublishedNumber,
    DateTime? PublishedAt, DateTime UpdatedAt, HelpfulCounts Helpful, bool? MyVote, ArticleUsage? Usage,
    bool CanEdit, bool CanApprove, IReadOnlyList<ArticleState> Moves, long Version)
{
    public string? BodyHtml { get; init; }
}

/// <summary>One published version, immutable.</summary>
public sealed record ArticleVersionView(int Number, string Title, string? Summary, string Body, IReadOnlyList<string> Tags, DateTime PublishedAt, Ref? PublishedBy)
{
    public string? BodyHtml { get; init; }
}

/// <summary>A vote: helpful or not, and for staff an optional comment on why.</summary>
public sealed record FeedbackDraft(bool? Helpful, string? Comment = null);

/// <summary>The answer to a vote: the counts on the version voted on, with the caller's vote.</summary>
public sealed record FeedbackResult(int VersionNumber, HelpfulCounts Helpful, bool MyVote);

/// <summary>A vote as IT staff read it, with its comment.</summary>
public sealed record FeedbackView(Guid Id, int VersionNumber, Ref Person, bool Helpful, string? Comment, DateTime At);

/// <summary>Opening an article; from the portal's raise form, with that form's session id.</summary>
public sealed record ViewDraft(Guid? SessionId);
