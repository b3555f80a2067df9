using Keel.Application.Data;
using Keel.Domain.Balance;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Which plan applies in a month: the latest plan of the scope that starts in or before it. A team without a plan of its
/// own in that month is measured against the department's.
/// </summary>
internal sealed class TargetsInForce(IReadOnlyList<CapacityTarget> team, IReadOnlyList<CapacityTarget> department)
{
    public static async Task<TargetsInForce> LoadAsync(KeelDb db, Guid? teamId, DateOnly until, CancellationToken ct)
    {
        var plans = await db.Set<CapacityTarget>().AsNoTracking()
            .Where(t => t.Period <= until && (t.TeamId == null || t.TeamId == teamId))
            .ToListAsync(ct);
        return new TargetsInForce(
            teamId is null ? [] : plans.Where(t => t.TeamId == teamId).OrderByDescending(t => t.Period).ToList(),
            plans.Where(t => t.TeamId == null).OrderByDescending(t => t.Period).ToList());
    }

    public CapacityTarget? At(DateOnly month) =>
        team.FirstOrDefault(t => t.Period <= month) ?? department.FirstOrDefault(t => t.Period <= month);
}
