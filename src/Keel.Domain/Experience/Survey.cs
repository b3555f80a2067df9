using Keel.Domain.Platform;

namespace Keel.Domain.Experience;

public enum SurveyStatus
{
    Open,
    Answered,
    Expired,
}

/// <summary>
/// The question "how did we do?" sent to the requester once their incident was resolved or their request fulfilled.
/// One per work item; the token in the e-mail link is the only key needed to answer it, so it is long and random and
/// answers nothing but this one question.
/// </summary>
public sealed class Survey
{
    public const int TokenLength = 32;
    public const int CommentMaxLength = 2000;
    public const int LowestRating = 1;
    public const int HighestRating = 5;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    /// <summary>A second answer (409): the first one stands.</summary>
    public static readonly Error AnsweredError = new(ErrorKind.Conflict, "survey_answered", "This survey has already been answered.");

    /// <summary>An answer or a look after <see cref="ExpiresAt"/> (410).</summary>
    public static readonly Error ExpiredError = new(ErrorKind.Gone, "survey_expired", "This survey has expired.");

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid WorkItemId { get; set; }

    /// <summary>Copied from the item when sent, so response rates per service need no join and stay with the service it was about.</summary>
    public Guid ServiceId { get; set; }

    /// <summary>The person asked: the requester (or the person a request was raised for).</summary>
    public Guid RecipientId { get; set; }

    public string Token { get; set; } = "";
    public DateTime SentAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int? Rating { get; set; }
    public string? Comment { get; set; }
    public DateTime? RespondedAt { get; set; }

    public SurveyStatus StatusAt(DateTime now) =>
        RespondedAt is not null ? SurveyStatus.Answered
        : now >= ExpiresAt ? SurveyStatus.Expired
        : SurveyStatus.Open;

    /// <summary>Records the one answer this survey takes: 409 when already answered, 410 once expired.</summary>
    public Error? Answer(int? rating, string? comment, DateTime now)
    {
        var errors = new FieldErrors();
        if (rating is not { } value || value is < LowestRating or > HighestRating)
        {
            errors.Add("rating", $"must be a whole number from {LowestRating} to {HighestRating}.");
        }
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        errors.Optional("comment", text, CommentMaxLength);
        if (errors.Any)
        {
            return errors.ToError();
        }
        switch (StatusAt(now))
        {
            case SurveyStatus.Answered:
                return AnsweredError;
            case SurveyStatus.Expired:
                return ExpiredError;
        }
        Rating = rating;
        Comment = text;
        RespondedAt = now;
        return null;
    }
}
