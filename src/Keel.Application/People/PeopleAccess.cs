using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.People;

/// <summary>
/// Who sees and steers a person's development (skills, certifications, learning plan, personal goals): the person,
/// their manager chain, the leads of their teams, the IT leader and admins. Feedback notes are stricter and have their
/// own rule (subject, author and manager chain only).
/// </summary>
public static class PeopleAccess
{
    /// <summary>The roles that see every person's development record.</summary>
    public static readonly IReadOnlyList<string> AllPeopleRoles = [Roles.ItLeader, Roles.Admin];

    public static async Task<bool> ReadsDevelopmentAsync(KeelDb db, ICurrentUser user, Guid personId, CancellationToken ct = default) =>
        user.UserId == personId || await ManagesAsync(db, user, personId, ct);

    /// <summary>Whether the caller may set levels, targets and learning items for the person (not their own).</summary>
    public static async Task<bool> ManagesAsync(KeelDb db, ICurrentUser user, Guid personId, CancellationToken ct = default)
    {
        if (AllPeopleRoles.Any(user.IsInRole))
        {
            return true;
        }

        if (user.UserId is not { } viewer || viewer == personId)
        {
            return false;
        }

        return await LeadsTeamOfAsync(db, viewer, personId, ct) || await ManagerChain.IsAboveAsync(db, viewer, personId, ct);
    }

    /// <summary>Whether <paramref name="leadId"/> leads a team that <paramref name="personId"/> is a member of.</summary>
    public static Task<bool> LeadsTeamOfAsync(KeelDb db, Guid leadId, Guid personId, CancellationToken ct = default) =>
        db.Set<Team>().AnyAsync(t => t.LeadId == leadId && t.Members.Any(m => m.UserId == personId), ct);

    /// <summary>The teams whose people the caller steers: all for the leader and admins, otherwise the teams they lead.</summary>
    public static IQueryable<Team> SteeredTeams(KeelDb db, ICurrentUser user) =>
        AllPeopleRoles.Any(user.IsInRole)
            ? db.Set<Team>()
            : db.Set<Team>().Where(t => user.UserId != null && t.LeadId == user.UserId);
}
