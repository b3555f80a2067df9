using Keel.Domain.Experience;
using Keel.Domain.Platform;

namespace Keel.Domain.Tests.Experience;

public sealed class SurveyAnswerTests
{
    private static readonly DateTime Sent = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static Survey Open() => new() { Token = new string('a', Survey.TokenLength), SentAt = Sent, ExpiresAt = Sent + Survey.DefaultLifetime };

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Answer_RatingInRange_RecordedWithTrimmedComment(int rating)
    {
        var survey = Open();

        var error = survey.Answer(rating, "  Quick and kind.  ", Sent.AddHours(2));

        error.ShouldBeNull();
        (survey.Rating, survey.Comment, survey.RespondedAt, survey.StatusAt(Sent.AddHours(3))).ShouldBe((rating, "Quick and kind.", Sent.AddHours(2), SurveyStatus.Answered));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(null)]
    public void Answer_RatingOutOfRange_ValidationOnRatingNothingRecorded(int? rating)
    {
        var survey = Open();

        var error = survey.Answer(rating, null, Sent);

        error!.Code.ShouldBe("validation_failed");
        error.Fields!.Keys.ShouldBe(["rating"]);
        (survey.Rating, survey.RespondedAt).ShouldBe((null, null));
    }

    [Fact]
    public void Answer_CommentLongerThan2000_ValidationOnComment_ExactlyAtLimitAccepted()
    {
        var tooLong = Open().Answer(4, new string('x', Survey.CommentMaxLength + 1), Sent);
        var atLimit = Open().Answer(4, new string('x', Survey.CommentMaxLength), Sent);

        tooLong!.Fields!.Keys.ShouldBe(["comment"]);
        atLimit.ShouldBeNull();
    }

    [Fact]
    public void Answer_BlankComment_StoredAsNone()
    {
        var survey = Open();

        survey.Answer(3, "   ", Sent).ShouldBeNull();

        survey.Comment.ShouldBeNull();
    }

    [Fact]
    public void Answer_Twice_SecondIsConflictSurveyAnsweredFirstAnswerKept()
    {
        var survey = Open();
        survey.Answer(2, "Slow.", Sent);

        var again = survey.Answer(5, "Actually fine.", Sent.AddMinutes(1));

        (again!.Kind, again.Code).ShouldBe((ErrorKind.Conflict, "survey_answered"));
        (survey.Rating, survey.Comment, survey.RespondedAt).ShouldBe((2, "Slow.", Sent));
    }

    [Fact]
    public void Answer_AtOrAfterExpiry_GoneSurveyExpired_JustBeforeAccepted()
    {
        var atExpiry = Open().Answer(4, null, Sent + Survey.DefaultLifetime);
        var justBefore = Open().Answer(4, null, Sent + Survey.DefaultLifetime - TimeSpan.FromSeconds(1));

        (atExpiry!.Kind, atExpiry.Code).ShouldBe((ErrorKind.Gone, "survey_expired"));
        justBefore.ShouldBeNull();
    }

    [Fact]
    public void StatusAt_OpenUntilExpiry_ThenExpired()
    {
        var survey = Open();

        (survey.StatusAt(Sent), survey.StatusAt(survey.ExpiresAt.AddTicks(-1)), survey.StatusAt(survey.ExpiresAt))
            .ShouldBe((SurveyStatus.Open, SurveyStatus.Open, SurveyStatus.Expired));
    }
}
