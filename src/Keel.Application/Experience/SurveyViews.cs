using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Experience;
using Keel.Domain.Work;

namespace Keel.Application.Experience;

/// <summary>One of the caller's open surveys (not answered, not expired), with the token its page needs.</summary>
public sealed record MySurveyView(string Token, WorkRef Item, Ref Service, DateTime SentAt, DateTime ExpiresAt);

/// <summary>
/// What the survey's page shows to whoever holds the token: which item it asks about, and the answer once given.
/// Nothing internal: no notes, people or times beyond when it was resolved.
/// </summary>
public sealed record SurveyView(
    WorkKind Kind, WorkRef Item, string Service, DateTime? ResolvedAt, SurveyStatus Status, DateTime ExpiresAt,
    int? Rating, string? Comment, DateTime? RespondedAt);

/// <summary>The one answer a survey takes: a rating 1–5 and an optional comment.</summary>
public sealed record SurveyAnswer(int? Rating, string? Comment);

/// <summary>One answered survey in the responses list (experience, no cost: IT staff and leaders read it).</summary>
public sealed record SurveyResponseView(Guid Id, WorkRef Item, Ref Service, int Rating, string? Comment, DateTime SentAt, DateTime RespondedAt);

/// <summary>Filters of the responses list: services, a period of answers <c>[From, To)</c> and ratings.</summary>
public sealed record SurveyResponseFilter(
    IReadOnlyList<Guid>? ServiceIds = null, DateTime? From = null, DateTime? To = null, IReadOnlyList<int>? Ratings = null);
