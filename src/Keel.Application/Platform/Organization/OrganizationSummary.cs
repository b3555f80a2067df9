using Keel.Application.Data;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Organization;

public sealed record OrganizationFigures(int People, int ActivePeople, int Teams, int BusinessUnits, int TeamsWithoutLead, int PeopleWithoutManager);

/// <summary>Live counts for the home pages: only what exists in the database, nothing invented.</summary>
public sealed class OrganizationSummary(KeelDb db)
{
    public async Task<OrganizationFigures> GetAsync(CancellationToken ct) => new(
        await db.Users.CountAsync(ct),
        await db.Users.CountAsync(u => u.IsActive, ct),
        await db.Set<Team>().CountAsync(ct),
        await db.Set<BusinessUnit>().CountAsync(ct),
        await db.Set<Team>().CountAsync(t => t.LeadId == null, ct),
        await db.Users.CountAsync(u => u.ManagerId == null && u.IsActive, ct));
}
