using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Organization;

public sealed record TeamView(Guid Id, string Name, string? Description, Ref? Lead, IReadOnlyList<Ref> Members, long Version);

public sealed record TeamDraft(string? Name, string? Description, Guid? LeadId);

public sealed record TeamPatch(Optional<string?> Name, Optional<string?> Description, Optional<Guid?> LeadId);

/// <summary>IT teams with their members and lead: read by everyone signed in, changed by admins.</summary>
public sealed class TeamService(KeelDb db)
{
    private static readonly KeysetPager<Team> Pager = new(t => t.Id, SortKey<Team>.By("name", t => t.Name));

    public async Task<Result<Page<TeamView>>> ListAsync(string? q, Guid? memberId, PageRequest page, CancellationToken ct)
    {
        var query = db.Set<Team>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            query = query.Where(t => t.Name.Contains(q));
        }
        if (memberId is { } member)
        {
            query = query.Where(t => t.Members.Any(m => m.UserId == member));
        }
        var result = await Pager.PageAsync(query, page, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }
        var views = await ViewsAsync(result.Value!.Items, ct);
        return new Page<TeamView>(views, result.Value.NextCursor);
    }

    public async Task<Result<TeamView>> GetAsync(Guid id, CancellationToken ct)
    {
        var team = await db.Set<Team>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return team is null ? Error.NotFound("The team") : (await ViewsAsync([team], ct))[0];
    }

    public async Task<Result<TeamView>> CreateAsync(TeamDraft draft, CancellationToken ct)
    {
        var team = new Team { Name = draft.Name?.Trim() ?? "", Description = draft.Description, LeadId = draft.LeadId };
        var invalid = await ValidateAsync(team, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        if (team.LeadId is { } lead)
        {
            team.Members.Add(new TeamMember { TeamId = team.Id, UserId = lead });
        }
        db.Add(team);
        await db.SaveChangesAsync(ct);
        return await GetAsync(team.Id, ct);
    }

    public async Task<Result<TeamView>> UpdateAsync(Guid id, long expectedVersion, TeamPatch patch, CancellationToken ct)
    {
        var team = await db.Set<Team>().Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return Error.NotFound("The team");
        }
        if (team.Version != expectedVersion)
        {
            return Error.Concurrency();
        }
        team.Name = patch.Name.Or(team.Name)?.Trim() ?? "";
        team.Description = patch.Description.Or(team.Description);
        team.LeadId = patch.LeadId.Or(team.LeadId);
        var invalid = await ValidateAsync(team, ct);
        if (invalid is not null)
        {
            return invalid;
        }
        // A lead is always a member of the team they lead.
        if (team.LeadId is { } lead && team.Members.All(m => m.UserId != lead))
        {
            team.Members.Add(new TeamMember { TeamId = team.Id, UserId = lead });
        }
        db.Entry(team).Property(t => t.Version).OriginalValue = expectedVersion;
        return await db.SaveOrConflictAsync(ct) ?? (Result<TeamView>)await GetAsync(id, ct);
    }

    public async Task<Result<TeamView>> AddMemberAsync(Guid teamId, Guid userId, CancellationToken ct)
    {
        if (!await db.Set<Team>().AnyAsync(t => t.Id == teamId, ct))
        {
            return Error.NotFound("The team");
        }
        if (!await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            return Error.Validation("userId", "is not a known person.");
        }
        if (!await db.Set<TeamMember>().AnyAsync(m => m.TeamId == teamId && m.UserId == userId, ct))
        {
            db.Add(new TeamMember { TeamId = teamId, UserId = userId });
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(teamId, ct);
    }

    public async Task<Result<TeamView>> RemoveMemberAsync(Guid teamId, Guid userId, CancellationToken ct)
    {
        var team = await db.Set<Team>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null)
        {
            return Error.NotFound("The team");
        }
        if (team.LeadId == userId)
        {
            return Error.Conflict("The team lead cannot leave the team; choose another lead first.");
        }
        var member = await db.Set<TeamMember>().FirstOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
        if (member is not null)
        {
            db.Remove(member);
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(teamId, ct);
    }

    public async Task<Result<bool>> DeleteAsync(Guid id, CancellationToken ct)
    {
        var team = await db.Set<Team>().Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (team is null)
        {
            return Error.NotFound("The team");
        }
        db.RemoveRange(team.Members);
        db.Remove(team);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<Error?> ValidateAsync(Team team, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("name", team.Name, 200);
        errors.Optional("description", team.Description, 2000);
        if (!errors.Any && await db.Set<Team>().AnyAsync(t => t.Id != team.Id && t.Name == team.Name, ct))
        {
            errors.Add("name", "is already used by another team.");
        }
        if (team.LeadId is { } lead && !await db.Users.AnyAsync(u => u.Id == lead && u.IsActive, ct))
        {
            errors.Add("leadId", "is not an active person.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    /// <summary>Builds views for a page of teams with two queries, whatever the page size (no N+1).</summary>
    private async Task<List<TeamView>> ViewsAsync(IReadOnlyList<Team> teams, CancellationToken ct)
    {
        var ids = teams.Select(t => t.Id).ToList();
        var members = await db.Set<TeamMember>().AsNoTracking().Where(m => ids.Contains(m.TeamId))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.TeamId, u.Id, u.DisplayName })
            .ToListAsync(ct);
        var people = members.ToLookup(m => m.TeamId, m => new Ref(m.Id, m.DisplayName));
        var names = members.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First().DisplayName);
        var missingLeads = teams.Where(t => t.LeadId is { } l && !names.ContainsKey(l)).Select(t => t.LeadId!.Value).ToList();
        foreach (var lead in await db.Users.Where(u => missingLeads.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        {
            names[lead.Id] = lead.DisplayName;
        }
        return teams.Select(t => new TeamView(t.Id, t.Name, t.Description,
            t.LeadId is { } l && names.TryGetValue(l, out var n) ? new Ref(l, n) : null,
            people[t.Id].OrderBy(p => p.Name, StringComparer.Ordinal).ToList(), t.Version)).ToList();
    }
}
