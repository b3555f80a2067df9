using Keel.Domain.Knowledge;
using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Knowledge;

public sealed class ArticleLifecycleTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Approver = Guid.NewGuid();

    private static KnowledgeArticle Draft() => new() { Title = "Reset your VPN token", Body = "Open the app. Tap **Reset**.", Tags = "vpn" };

    private static KnowledgeArticle Published()
    {
        var article = Draft();
        article.MoveTo(ArticleState.Review, false, null, Now);
        article.MoveTo(ArticleState.Published, true, Approver, Now);
        return article;
    }

    [Fact]
    public void MoveTo_DraftStraightToPublished_IllegalTransitionNamingTheAllowedStates()
    {
        var article = Draft();

        var result = article.MoveTo(ArticleState.Published, true, Approver, Now);

        result.Error!.Code.ShouldBe("illegal_transition");
        result.Error.Allowed.ShouldBe(["Review", "Retired"]);
        article.State.ShouldBe(ArticleState.Draft);
        article.PublishedNumber.ShouldBeNull();
    }

    [Fact]
    public void MoveTo_ReviewBackToDraft_Allowed()
    {
        var article = Draft();
        article.MoveTo(ArticleState.Review, false, null, Now);

        article.MoveTo(ArticleState.Draft, false, null, Now).IsSuccess.ShouldBeTrue();

        article.State.ShouldBe(ArticleState.Draft);
    }

    [Fact]
    public void MoveTo_PublishWithoutApprover_ForbiddenAndStillInReview()
    {
        var article = Draft();
        article.MoveTo(ArticleState.Review, false, null, Now);

        var result = article.MoveTo(ArticleState.Published, false, Guid.NewGuid(), Now);

        result.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        article.State.ShouldBe(ArticleState.Review);
    }

    [Fact]
    public void MoveTo_Publish_FreezesTheWorkingCopyAsVersionOne()
    {
        var article = Draft();
        article.MoveTo(ArticleState.Review, false, null, Now);

        var version = article.MoveTo(ArticleState.Published, true, Approver, Now).Value!;

        version.Number.ShouldBe(1);
        version.Body.ShouldBe("Open the app. Tap **Reset**.");
        version.PublishedById.ShouldBe(Approver);
        article.PublishedNumber.ShouldBe(1);
        article.IsReadable.ShouldBeTrue();
    }

    [Fact]
    public void BeginEdit_PublishedArticle_BecomesDraftOfTheNextVersionWhileVersionOneStaysReadable()
    {
        var article = Published();

        article.BeginEdit(Now).ShouldBeNull();
        article.Body = "A better way.";

        article.State.ShouldBe(ArticleState.Draft);
        article.PublishedNumber.ShouldBe(1);
        article.IsReadable.ShouldBeTrue();
        article.MoveTo(ArticleState.Review, false, null, Now);
        var second = article.MoveTo(ArticleState.Published, true, Approver, Now).Value!;
        second.Number.ShouldBe(2);
        second.Body.ShouldBe("A better way.");
    }

    [Theory]
    [InlineData(ArticleState.Review)]
    [InlineData(ArticleState.Retired)]
    public void BeginEdit_InReviewOrRetired_ConflictAndNothingChanged(ArticleState state)
    {
        var article = Draft();
        article.State = state;

        article.BeginEdit(Now)!.Kind.ShouldBe(ErrorKind.Conflict);
        article.State.ShouldBe(state);
    }

    [Fact]
    public void MoveTo_Retired_NoLongerReadableAndOnlyBackToDraft()
    {
        var article = Published();

        article.MoveTo(ArticleState.Retired, true, Approver, Now).IsSuccess.ShouldBeTrue();

        article.IsReadable.ShouldBeFalse();
        ArticleLifecycle.AllowedFrom(ArticleState.Retired).ShouldBe([ArticleState.Draft]);
        article.MoveTo(ArticleState.Published, true, Approver, Now).Error!.Code.ShouldBe("illegal_transition");
    }

    [Fact]
    public void Normalize_MixedCaseDuplicatesAndBlanks_LowerCaseEachOnce() =>
        KnowledgeTags.Normalize(["VPN", " wi-fi ", "vpn", "", "Laptop, vpn"]).ShouldBe("vpn, wi-fi, laptop");
}
