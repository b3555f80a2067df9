using Keel.Domain.Platform;

namespace Keel.Domain.Knowledge;

/// <summary>Where a knowledge article stands (ITIL 4 knowledge management: create, review, publish, retire).</summary>
public enum ArticleState
{
    /// <summary>Being written: a first draft, or the next version of a published article (which stays visible meanwhile).</summary>
    Draft,

    /// <summary>Submitted for approval; not edited until approved or sent back.</summary>
    Review,

    /// <summary>Approved: the working copy is the latest published version, readable in the portal.</summary>
    Published,

    /// <summary>Withdrawn: readable by IT staff for its history, no longer by requesters nor in suggestions.</summary>
    Retired,
}

/// <summary>The allowed moves of an article and which of them need an approver.</summary>
public static class ArticleLifecycle
{
    /// <summary>
    /// Draft → Review or Retired; Review → Draft (sent back) or Published; Published → Draft (a new version, the
    /// published one stays visible) or Retired; Retired → Draft (revived, published again only through review).
    /// </summary>
    public static IReadOnlyList<ArticleState> AllowedFrom(ArticleState from) => from switch
    {
        ArticleState.Draft => [ArticleState.Review, ArticleState.Retired],
        ArticleState.Review => [ArticleState.Draft, ArticleState.Published],
        ArticleState.Published => [ArticleState.Draft, ArticleState.Retired],
        ArticleState.Retired => [ArticleState.Draft],
    };

    /// <summary>What requesters read changes only by publishing or retiring, so those two moves need an approver.</summary>
    public static bool NeedsApprover(ArticleState to) => to is ArticleState.Published or ArticleState.Retired;

    public static Error? Check(ArticleState from, ArticleState to) =>
        AllowedFrom(from).Contains(to)
            ? null
            : Error.IllegalTransition(from.ToString(), to.ToString(), AllowedFrom(from).Select(s => s.ToString()).ToArray());
}
