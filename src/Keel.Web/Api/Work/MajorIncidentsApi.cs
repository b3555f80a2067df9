using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Work;

/// <summary>The body of <c>POST /incidents/{number}/stakeholder-updates</c>; a time with an offset is taken as the instant it names.</summary>
public sealed record StakeholderUpdateBody(string? Message, DateTimeOffset? NextUpdateAt);

/// <summary>
/// A major incident's timeline, stakeholders and stakeholder updates under each incident. IT staff manage stakeholders
/// and send updates; whoever may open the incident reads its timeline and updates (requesters and stakeholders get
/// the public moments only).
/// </summary>
internal static class MajorIncidentsApi
{
    public static void MapMajorIncidentParts(RouteGroupBuilder incidents)
    {
        incidents.MapGet("/{number}/timeline", (string number, [AsParameters] ListQuery list, TimelineService timeline, CancellationToken ct) => TimelineAsync(number, list, timeline, ct))
            .RequireAuthorization(Policies.SignedIn).WithName("GetIncidentTimeline")
            .WithSummary("The key moments in time order (raised, declared major, moves, assignments, stakeholder updates, children, public replies, resolved, closed), each with elapsedMinutes since the incident was raised; requesters and stakeholders see the public moments only.");
        incidents.MapGet("/{number}/stakeholders", (string number, [AsParameters] ListQuery list, StakeholderService stakeholders, CancellationToken ct) =>
                ListAsync(number, list, stakeholders, ct))
            .RequireAuthorization(Policies.Staff).WithName("ListIncidentStakeholders").WithSummary("The people kept informed of the major incident; sort by since.");
        incidents.MapGet("/{number}/stakeholders/suggestions", (string number, StakeholderService stakeholders, CancellationToken ct) => SuggestAsync(number, stakeholders, ct))
            .RequireAuthorization(Policies.Staff).WithName("SuggestIncidentStakeholders")
            .WithSummary($"People offered as stakeholders (the service's owner, the people of business units consuming the service; heads first, at most {StakeholderService.MaxSuggestions}); none is added until posted.");
        incidents.MapPost("/{number}/stakeholders", (string number, StakeholderDraft draft, StakeholderService stakeholders, CancellationToken ct) =>
                AddAsync(number, draft, stakeholders, ct))
            .RequireAuthorization(Policies.Staff).WithName("AddIncidentStakeholder")
            .WithSummary("Keep someone informed: { personId }. 409 not_major unless the incident is major; 409 conflict when they already are.");
        incidents.MapDelete("/{number}/stakeholders/{personId:guid}", (string number, Guid personId, StakeholderService stakeholders, CancellationToken ct) =>
                RemoveAsync(number, personId, stakeholders, ct))
            .RequireAuthorization(Policies.Staff).WithName("RemoveIncidentStakeholder").WithSummary("Stop informing someone.");
        incidents.MapGet("/{number}/stakeholder-updates", (string number, [AsParameters] ListQuery list, StakeholderService stakeholders, CancellationToken ct) =>
                UpdatesAsync(number, list, stakeholders, ct))
            .RequireAuthorization(Policies.SignedIn).WithName("ListStakeholderUpdates").WithSummary("The stakeholder updates sent, oldest first (public: whoever may open the incident reads them).");
        incidents.MapPost("/{number}/stakeholder-updates", (string number, StakeholderUpdateBody body, StakeholderService stakeholders, CancellationToken ct) =>
                SendAsync(number, body, stakeholders, ct))
            .RequireAuthorization(Policies.Staff).WithName("SendStakeholderUpdate")
            .WithSummary("Send an update: { message (Markdown), nextUpdateAt? }. Stored as a public reply; each stakeholder, the requester and followers are notified in the app and by e-mail (their preferences apply). 409 not_major unless the incident is major.");
    }

    private static async Task<Results<Ok<ListResponse<TimelineEntryView>>, ProblemHttpResult>> TimelineAsync(
        string number, ListQuery list, TimelineService timeline, CancellationToken ct) =>
        List(await timeline.TimelineAsync(number, list.Page, ct));

    private static async Task<Results<Ok<ListResponse<StakeholderView>>, ProblemHttpResult>> ListAsync(
        string number, ListQuery list, StakeholderService stakeholders, CancellationToken ct) =>
        List(await stakeholders.ListAsync(number, list.Page, ct));

    private static async Task<Results<Ok<ListResponse<StakeholderSuggestion>>, ProblemHttpResult>> SuggestAsync(
        string number, StakeholderService stakeholders, CancellationToken ct) =>
        All(await stakeholders.SuggestionsAsync(number, ct));

    private static async Task<Results<Created<StakeholderView>, ProblemHttpResult>> AddAsync(
        string number, StakeholderDraft draft, StakeholderService stakeholders, CancellationToken ct)
    {
        if (draft.PersonId is not { } person)
        {
            return Problem(Error.Validation("personId", "is required."));
        }
        var added = await stakeholders.AddAsync(number, [person], ct);
        return Created(added.IsSuccess ? Result<StakeholderView>.Ok(added.Value![0]) : added.Error!, s => $"/api/v1/incidents/{number.ToUpperInvariant()}/stakeholders/{s.Person.Id}");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string number, Guid personId, StakeholderService stakeholders, CancellationToken ct) =>
        NoContent(await stakeholders.RemoveAsync(number, personId, ct));

    private static async Task<Results<Ok<ListResponse<StakeholderUpdateView>>, ProblemHttpResult>> UpdatesAsync(
        string number, ListQuery list, StakeholderService stakeholders, CancellationToken ct) =>
        List(await stakeholders.UpdatesAsync(number, list.Page, ct));

    private static async Task<Results<Created<StakeholderUpdateView>, ProblemHttpResult>> SendAsync(
        string number, StakeholderUpdateBody body, StakeholderService stakeholders, CancellationToken ct) =>
        Created(await stakeholders.SendUpdateAsync(number, new StakeholderUpdateDraft(body.Message, body.NextUpdateAt?.UtcDateTime), ct),
            u => $"/api/v1/incidents/{number.ToUpperInvariant()}/stakeholder-updates/{u.Id}");
}
