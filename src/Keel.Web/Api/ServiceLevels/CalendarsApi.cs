using System.Text.Json;
using Keel.Application.ServiceLevels;
using Keel.Web.Api.Services;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using static Keel.Web.Api.ApiResults;

namespace Keel.Web.Api.ServiceLevels;

public static class CalendarsApi
{
    public static IEndpointRouteBuilder MapCalendarsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calendars").WithTags("Service levels");
        group.MapGet("", List).RequireAuthorization(Policies.Work).WithName("ListCalendars").WithSummary("Business calendars by name.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Work).WithName("GetCalendar").WithSummary("One calendar with its ETag.");
        group.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreateCalendar")
            .WithSummary("Create a calendar: { name, timeZone (IANA), alwaysOpen?, week?: { monday: [\"09:00-12:30\", \"13:30-17:30\"], ... }, holidays?: [{ date, name }] }.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateCalendar")
            .WithSummary("Change a calendar (merge patch, If-Match required; week and holidays are replaced whole). New hours make a new revision: open items keep theirs until POST /api/v1/sla-policies/recompute.");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Admin).WithName("DeleteCalendar").WithSummary("Delete a calendar no policy or clock uses.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<CalendarView>>, ProblemHttpResult>> List([AsParameters] ListQuery query, CalendarService calendars, CancellationToken ct) =>
        ApiResults.List(await calendars.ListAsync(query.Page, ct));

    private static async Task<Results<Ok<CalendarView>, ProblemHttpResult>> Get(Guid id, HttpContext http, CalendarService calendars, CancellationToken ct) =>
        WithETag(http, await calendars.GetAsync(id, ct), c => c.Version);

    private static async Task<Results<Created<CalendarView>, ProblemHttpResult>> Create(CalendarDraft draft, CalendarService calendars, CancellationToken ct)
    {
        var result = await calendars.CreateAsync(draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/calendars/{result.Value!.Id}", result.Value) : Problem(result.Error!);
    }

    private static async Task<Results<Ok<CalendarView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, CalendarService calendars, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var split = PatchFields.From(body, "week", "holidays");
        if (!split.IsSuccess || !version.IsSuccess)
        {
            return Problem((version.Error ?? split.Error)!);
        }
        var (p, f) = split.Value;
        var draft = new CalendarDraft(
            p.String("name").Value, p.String("timeZone").Value, p.Bool("alwaysOpen") is { IsSet: true } open ? open.Value : null,
            f.Object<Dictionary<string, IReadOnlyList<string>>>("week").Value, f.Object<List<HolidayDraft>>("holidays").Value);
        if (p.Finish() is { } invalid)
        {
            return Problem(invalid);
        }
        return WithETag(http, await calendars.UpdateAsync(id, version.Value, draft, ct), c => c.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, CalendarService calendars, CancellationToken ct) =>
        NoContent(await calendars.DeleteAsync(id, ct));
}
