using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Services;
using Keel.Application.Work;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Experience;

/// <summary>
/// Surveys from both ends: the person asked reads and answers one by its token alone (the link in their e-mail, no
/// sign-in), sees their own open ones in the portal; IT reads the answers (<see cref="ExperienceAccess"/>).
/// </summary>
public sealed class SurveyService(KeelDb db, ICurrentUser user, TimeProvider time)
{
    private static readonly KeysetPager<Survey> MinePager = new(s => s.Id, SortKey<Survey>.By("sentAt", s => s.SentAt));

    private static readonly KeysetPager<Survey> ResponsePager = new(s => s.Id,
        SortKey<Survey>.By("respondedAt", s => s.RespondedAt!.Value), SortKey<Survey>.By("rating", s => s.Rating!.Value),
        SortKey<Survey>.By("sentAt", s => s.SentAt));

    /// <summary>The caller's surveys still waiting for an answer, newest first.</summary>
    public async Task<Result<Page<MySurveyView>>> MineAsync(PageRequest page, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.Set<Survey>().AsNoTracking().Where(s => s.RecipientId == user.UserId && s.RespondedAt == null && s.ExpiresAt > now);
        var result = await MinePager.PageAsync(query, page with { Sort = page.Sort ?? "-sentAt" }, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var names = await NamesAsync(result.Value!.Items, ct);
        return result.Value.Map(s => new MySurveyView(s.Token, names.Item(s), names.Service(s), s.SentAt, s.ExpiresAt));
    }

    /// <summary>The survey behind a token: 404 for an unknown one, 410 once expired, the answer once answered.</summary>
    public async Task<Result<SurveyView>> GetByTokenAsync(string? token, CancellationToken ct)
    {
        var survey = SurveyTokens.IsWellFormed(token) ? await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct) : null;
        if (survey is null)
        {
            return Error.NotFound("The survey");
        }
        var status = survey.StatusAt(time.GetUtcNow().UtcDateTime);
        return status == SurveyStatus.Expired ? Survey.ExpiredError : await ViewAsync(survey, status, ct);
    }

    /// <summary>
    /// Records the one answer: 400 for a rating outside 1–5 or a comment too long, 409 survey_answered the second
    /// time, 410 survey_expired after the deadline; nothing is written on any of them.
    /// </summary>
    public async Task<Result<SurveyView>> AnswerAsync(string? token, SurveyAnswer? answer, CancellationToken ct)
    {
        var survey = SurveyTokens.IsWellFormed(token) ? await db.Set<Survey>().AsNoTracking().FirstOrDefaultAsync(s => s.Token == token, ct) : null;
        if (survey is null)
        {
            return Error.NotFound("The survey");
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (survey.Answer(answer?.Rating, answer?.Comment, now) is { } refused)
        {
            return refused;
        }
        // Two answers sent at once: only the first finds the survey unanswered; the other gets the same 409 as a later one.
        var written = await db.Set<Survey>()
            .Where(s => s.Id == survey.Id && s.RespondedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Rating, survey.Rating).SetProperty(s => s.Comment, survey.Comment)
                .SetProperty(s => s.RespondedAt, survey.RespondedAt), ct);
        if (written == 0)
        {
            return Survey.AnsweredError;
        }
        return await ViewAsync(survey, SurveyStatus.Answered, ct);
    }

    /// <summary>Answered surveys, newest first by default: everyone in <see cref="ExperienceAccess.AllResponseRoles"/>, service owners their own services, others 403.</summary>
    public async Task<Result<Page<SurveyResponseView>>> ResponsesAsync(SurveyResponseFilter filter, PageRequest page, CancellationToken ct)
    {
        if (!ExperienceAccess.ReadsResponses(user))
        {
            return Error.Forbidden("Survey responses are for IT staff, service owners and leaders.");
        }
        var errors = new FieldErrors();
        if (filter.From is { } from && filter.To is { } to && to <= from)
        {
            errors.Add("to", "must be after from.");
        }
        if (filter.Ratings?.Any(r => r is < Survey.LowestRating or > Survey.HighestRating) == true)
        {
            errors.Add("rating", $"must be whole numbers from {Survey.LowestRating} to {Survey.HighestRating}.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var query = db.Set<Survey>().AsNoTracking().Where(s => s.RespondedAt != null);
        if (!ExperienceAccess.ReadsAllResponses(user))
        {
            var owned = db.Set<Service>().Where(s => s.OwnerId == user.UserId).Select(s => s.Id);
            query = query.Where(s => owned.Contains(s.ServiceId));
        }
        if (filter.ServiceIds is { Count: > 0 } services)
        {
            query = query.Where(s => services.Contains(s.ServiceId));
        }
        if (filter.From is { } start)
        {
            query = query.Where(s => s.RespondedAt >= start);
        }
        if (filter.To is { } end)
        {
            query = query.Where(s => s.RespondedAt < end);
        }
        if (filter.Ratings is { Count: > 0 } ratings)
        {
            query = query.Where(s => ratings.Contains(s.Rating!.Value));
        }
        var result = await ResponsePager.PageAsync(query, page with { Sort = page.Sort ?? "-respondedAt" }, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var names = await NamesAsync(result.Value!.Items, ct);
        return result.Value.Map(s => new SurveyResponseView(s.Id, names.Item(s), names.Service(s), s.Rating!.Value, s.Comment, s.SentAt, s.RespondedAt!.Value));
    }

    private async Task<SurveyView> ViewAsync(Survey survey, SurveyStatus status, CancellationToken ct)
    {
        var item = await db.Set<WorkItem>().AsNoTracking().Where(w => w.Id == survey.WorkItemId)
            .Select(w => new { w.Kind, w.Number, w.Title, w.ResolvedAt }).FirstAsync(ct);
        var service = await db.Set<Service>().Where(s => s.Id == survey.ServiceId).Select(s => s.Name).FirstAsync(ct);
        return new SurveyView(item.Kind, new WorkRef(item.Number, item.Title), service, item.ResolvedAt, status, survey.ExpiresAt,
            survey.Rating, survey.Comment, survey.RespondedAt);
    }

    /// <summary>Item numbers and titles and service names for a page of surveys, in two queries.</summary>
    private async Task<Names> NamesAsync(IReadOnlyList<Survey> surveys, CancellationToken ct)
    {
        var itemIds = surveys.Select(s => s.WorkItemId).Distinct().ToList();
        var serviceIds = surveys.Select(s => s.ServiceId).Distinct().ToList();
        var items = await db.Set<WorkItem>().Where(w => itemIds.Contains(w.Id))
            .Select(w => new { w.Id, w.Number, w.Title }).ToDictionaryAsync(w => w.Id, w => new WorkRef(w.Number, w.Title), ct);
        var services = await db.Set<Service>().Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return new Names(items, services);
    }

    private sealed record Names(Dictionary<Guid, WorkRef> Items, Dictionary<Guid, string> Services)
    {
        public WorkRef Item(Survey s) => Items.GetValueOrDefault(s.WorkItemId, new WorkRef("", ""));

        public Ref Service(Survey s) => new(s.ServiceId, Services.GetValueOrDefault(s.ServiceId, ""));
    }
}
