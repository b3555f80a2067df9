using System.Text.Json;
using Keel.Application.Platform.Accounts;
using Keel.Application.Platform.Audit;
using Keel.Application.Platform.Organization;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Web.Api.Platform;

public static class PeopleApi
{
    public static IEndpointRouteBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("Platform");
        group.MapGet("", List).RequireAuthorization(Policies.Staff).WithName("ListPeople").WithSummary("The directory; filter with q, businessUnitId, teamId, role.");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.Staff).WithName("GetPerson").WithSummary("One person, with their ETag.");
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.Admin).WithName("GetPersonHistory").WithSummary("Changes to a person's account.");
        group.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreatePerson").WithSummary("Create an account with roles.");
        group.MapPost("/{id:guid}/invitation", Invite).RequireAuthorization(Policies.Admin).WithName("InvitePerson")
            .WithSummary("E-mail the person a link to choose their password (valid Keel:Accounts:InvitationLifetime, 72 hours by default); earlier invitations stop working.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithName("UpdatePerson").WithSummary("Change a person, their roles or deactivate them (merge patch, If-Match required).");
        app.MapGet("/api/v1/roles", ListRoles).WithTags("Platform").RequireAuthorization(Policies.Admin).WithName("ListRoles").WithSummary("The roles people can hold.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<PersonView>>, ProblemHttpResult>> List(
        [AsParameters] ListQuery query, Guid? businessUnitId, Guid? teamId, string? role, PeopleService people, CancellationToken ct)
    {
        var result = await people.ListAsync(new PersonFilter(query.Q, businessUnitId, teamId, role), query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<PersonView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<PersonView>, ProblemHttpResult>> Get(Guid id, HttpContext http, PeopleService people, CancellationToken ct) =>
        ApiResults.WithETag(http, await people.GetAsync(id, ct), v => v.Version);

    private static async Task<Results<Ok<ListResponse<AuditView>>, ProblemHttpResult>> History(Guid id, [AsParameters] ListQuery query, AuditService audit, CancellationToken ct)
    {
        var result = await audit.HistoryAsync("KeelUser", id, query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<AuditView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Created<PersonView>, ProblemHttpResult>> Create(PersonDraft draft, PeopleService people, CancellationToken ct)
    {
        var result = await people.CreateAsync(draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/people/{result.Value!.Id}", result.Value) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Accepted<InvitationSent>, ProblemHttpResult>> Invite(Guid id, AccountLinkService links, CancellationToken ct)
    {
        var result = await links.InviteAsync(id, ct);
        return result.IsSuccess ? TypedResults.Accepted((string?)null, result.Value!) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<PersonView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, PeopleService people, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var patch = MergePatch.From(body);
        if (!patch.IsSuccess || !version.IsSuccess)
        {
            return ApiResults.Problem((version.Error ?? patch.Error)!);
        }
        var p = patch.Value!;
        var changes = new PersonPatch(p.String("displayName"), p.String("email"), p.String("jobTitle"), p.String("timeZone"),
            p.Guid("businessUnitId"), p.Guid("managerId"), p.Bool("isActive"), p.Strings("roles"));
        if (p.Finish() is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }
        return ApiResults.WithETag(http, await people.UpdateAsync(id, version.Value, changes, ct), v => v.Version);
    }

    private static Ok<ListResponse<string>> ListRoles() => TypedResults.Ok(new ListResponse<string>(Keel.Domain.Platform.Roles.All, null));
}
