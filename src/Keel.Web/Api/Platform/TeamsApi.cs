using System.Text.Json;
using Keel.Application.Platform.Audit;
using Keel.Application.Platform.Organization;
using Keel.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Web.Api.Platform;

public static class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/teams").WithTags("Platform");
        group.MapGet("", List).RequireAuthorization(Policies.SignedIn).WithName("ListTeams").WithSummary("Teams with lead and members; filter with q or member (a person id).");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.SignedIn).WithName("GetTeam").WithSummary("One team, with its ETag.");
        group.MapGet("/{id:guid}/history", History).RequireAuthorization(Policies.Staff).WithName("GetTeamHistory").WithSummary("Changes to a team.");
        group.MapPost("", Create).RequireAuthorization(Policies.Admin).WithName("CreateTeam").WithSummary("Create a team.");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin).WithName("UpdateTeam").WithSummary("Change name, description or lead (merge patch, If-Match required).");
        group.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.Admin).WithName("DeleteTeam").WithSummary("Delete a team.");
        group.MapPut("/{id:guid}/members/{userId:guid}", AddMember).RequireAuthorization(Policies.Admin).WithName("AddTeamMember").WithSummary("Add a person to the team.");
        group.MapDelete("/{id:guid}/members/{userId:guid}", RemoveMember).RequireAuthorization(Policies.Admin).WithName("RemoveTeamMember").WithSummary("Remove a person from the team.");
        return app;
    }

    private static async Task<Results<Ok<ListResponse<TeamView>>, ProblemHttpResult>> List([AsParameters] ListQuery query, Guid? member, TeamService teams, CancellationToken ct)
    {
        var result = await teams.ListAsync(query.Q, member, query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<TeamView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> Get(Guid id, HttpContext http, TeamService teams, CancellationToken ct) =>
        ApiResults.WithETag(http, await teams.GetAsync(id, ct), v => v.Version);

    private static async Task<Results<Ok<ListResponse<AuditView>>, ProblemHttpResult>> History(Guid id, [AsParameters] ListQuery query, TeamService teams, AuditService audit, CancellationToken ct)
    {
        var team = await teams.GetAsync(id, ct);
        if (!team.IsSuccess)
        {
            return ApiResults.Problem(team.Error!);
        }
        var result = await audit.HistoryAsync(nameof(Keel.Domain.Platform.Team), id, query.Page, ct);
        return result.IsSuccess ? TypedResults.Ok(ListResponse<AuditView>.From(result.Value!)) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Created<TeamView>, ProblemHttpResult>> Create(TeamDraft draft, TeamService teams, CancellationToken ct)
    {
        var result = await teams.CreateAsync(draft, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/teams/{result.Value!.Id}", result.Value) : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> Update(Guid id, JsonElement body, HttpContext http, TeamService teams, CancellationToken ct)
    {
        var version = ETags.Required(http.Request);
        var patch = MergePatch.From(body);
        if (!patch.IsSuccess || !version.IsSuccess)
        {
            return ApiResults.Problem((version.Error ?? patch.Error)!);
        }
        var p = patch.Value!;
        var changes = new TeamPatch(p.String("name"), p.String("description"), p.Guid("leadId"));
        if (p.Finish() is { } invalid)
        {
            return ApiResults.Problem(invalid);
        }
        return ApiResults.WithETag(http, await teams.UpdateAsync(id, version.Value, changes, ct), v => v.Version);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, TeamService teams, CancellationToken ct)
    {
        var result = await teams.DeleteAsync(id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> AddMember(Guid id, Guid userId, HttpContext http, TeamService teams, CancellationToken ct) =>
        ApiResults.WithETag(http, await teams.AddMemberAsync(id, userId, ct), v => v.Version);

    private static async Task<Results<Ok<TeamView>, ProblemHttpResult>> RemoveMember(Guid id, Guid userId, HttpContext http, TeamService teams, CancellationToken ct) =>
        ApiResults.WithETag(http, await teams.RemoveMemberAsync(id, userId, ct), v => v.Version);
}
