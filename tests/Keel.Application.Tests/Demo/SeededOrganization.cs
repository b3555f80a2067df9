using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Demo;

/// <summary>What a seed left in the database, read back the way the app would read it.</summary>
internal sealed record SeededOrganization(
    IReadOnlyList<KeelUser> People,
    IReadOnlyDictionary<string, string[]> RolesByUserName,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<BusinessUnit> BusinessUnits,
    IReadOnlyList<string> RoleNames)
{
    public static async Task<SeededOrganization> LoadAsync(KeelDb db, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(ct);
        var userRoles = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join user in db.Users on userRole.UserId equals user.Id
            select new { user.UserName, role.Name }).ToListAsync(ct);
        var teams = await db.Set<Team>().AsNoTracking().Include(t => t.Members).ToListAsync(ct);
        var units = await db.Set<BusinessUnit>().AsNoTracking().ToListAsync(ct);
        var roles = userRoles.GroupBy(r => r.UserName!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return new SeededOrganization(people, roles, teams, units, roleNames);
    }

    public KeelUser Person(string userName) => People.Single(p => p.UserName == userName);

    public string[] RolesOf(string userName) => RolesByUserName.TryGetValue(userName, out var roles) ? roles : [];

    public Team Team(string name) => Teams.Single(t => t.Name == name);
}
