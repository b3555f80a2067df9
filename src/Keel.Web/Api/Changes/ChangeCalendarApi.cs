using Keel.Application.Changes;
using Keel.Application.Platform.Notifications;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.Changes;

public sealed record CalendarFeedCreated(string Url, DateTime CreatedAt);

/// <summary>The change calendar, a change's conflicts and scheduling, and the personal iCalendar feed.</summary>
public static class ChangeCalendarApi
{
    public static IEndpointRouteBuilder MapChangeCalendarApi(this IEndpointRouteBuilder app)
    {
        var calendar = app.MapGroup("/api/v1/change-calendar").WithTags("Changes");
        calendar.MapGet("", Calendar).RequireAuthorization(Policies.Staff).WithName("GetChangeCalendar")
            .WithSummary("Scheduled and implementing changes with their conflicts, freeze and maintenance openings in [from, to) (at most 62 days).");

        var changes = app.MapGroup("/api/v1/changes").WithTags("Changes");
        changes.MapGet("/{number}/conflicts", Conflicts).RequireAuthorization(Policies.Staff).WithName("GetChangeConflicts")
            .WithSummary("The change's conflicts at its planned times: Overlap (another scheduled change on a shared CI or service), Freeze (inside a freeze window), OutsideMaintenance (outside a CI's or service's maintenance windows).");
        changes.MapPost("/{number}/schedule", Schedule).RequireAuthorization(ChangeWindowsApi.Schedulers).WithName("ScheduleChange")
            .WithSummary("Plan the change: { plannedStart, plannedEnd, freezeOverride? }; optional If-Match. A Scheduled change moved into a freeze window is refused with 409 freeze_window unless freezeOverride justifies it (kept on the change and in its history).");

        var feed = app.MapGroup("/api/v1/me/calendar-feed").WithTags("Changes");
        feed.MapPost("", CreateFeed).RequireAuthorization(Policies.Staff).WithName("CreateCalendarFeed")
            .WithSummary("A new personal iCalendar feed URL of the change schedule, shown once (the previous one stops working). Its token opens this feed and nothing else.");
        feed.MapGet("", FeedStatus).RequireAuthorization(Policies.Staff).WithName("GetCalendarFeed").WithSummary("Whether the caller has a feed, and since when (never the URL).");
        feed.MapDelete("", RevokeFeed).RequireAuthorization(Policies.Staff).WithName("RevokeCalendarFeed").WithSummary("Stop the caller's feed URL from working.");

        // Calendar clients cannot sign in: the token in the path is the only credential, and it opens only this.
        app.MapGet("/feeds/changes/{token}.ics", Feed).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ChangeCalendarView>, ProblemHttpResult>> Calendar(DateTime? from, DateTime? to, ChangeCalendarService calendar, CancellationToken ct) =>
        Ok(await calendar.CalendarAsync(from, to, ct));

    private static async Task<Results<Ok<ChangeConflictsView>, ProblemHttpResult>> Conflicts(string number, ChangeCalendarService calendar, CancellationToken ct) =>
        Ok(await calendar.ConflictsAsync(number.ToUpperInvariant(), ct));

    private static async Task<Results<Ok<ChangeScheduleView>, ProblemHttpResult>> Schedule(
        string number, ScheduleRequest body, HttpContext http, ChangeScheduleService schedule, CancellationToken ct)
    {
        var version = ETags.Optional(http.Request);
        if (!version.IsSuccess)
        {
            return Problem(version.Error!);
        }
        return WithETag(http, await schedule.ScheduleAsync(number.ToUpperInvariant(), body, version.Value, ct), s => s.Version);
    }

    private static async Task<Results<Created<CalendarFeedCreated>, ProblemHttpResult>> CreateFeed(
        CalendarFeedService feeds, NotificationLinks links, TimeProvider time, CancellationToken ct)
    {
        var token = await feeds.CreateAsync(ct);
        if (!token.IsSuccess)
        {
            return Problem(token.Error!);
        }
        var body = new CalendarFeedCreated(links.Absolute($"/feeds/changes/{token.Value}.ics"), time.GetUtcNow().UtcDateTime);
        return TypedResults.Created("/api/v1/me/calendar-feed", body);
    }

    private static async Task<Results<Ok<CalendarFeedStatus>, ProblemHttpResult>> FeedStatus(CalendarFeedService feeds, CancellationToken ct) =>
        Ok(await feeds.StatusAsync(ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeFeed(CalendarFeedService feeds, CancellationToken ct) =>
        NoContent(await feeds.RevokeAsync(ct));

    private static async Task<Results<ContentHttpResult, NotFound>> Feed(string token, HttpContext http, CalendarFeedService feeds, CancellationToken ct)
    {
        // A feed URL must not travel on in Referer headers or sit in shared caches.
        http.Response.Headers.CacheControl = "private, no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        return await feeds.FeedAsync(token, ct) is { } ics
            ? TypedResults.Text(ics, ChangeCalendarIcs.ContentType)
            : TypedResults.NotFound();
    }
}
