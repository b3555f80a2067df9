using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>
/// The IT leader's capacity plans: for the department since a year ago, Run 55 · Debt 15 · Grow 20 · Transform 10 ± 5,
/// and a team plan for the Service Desk, which mostly keeps the lights on. The demo's work is mostly Run, so the
/// department drifts from its plan — the realistic story the balance page tells.
/// </summary>
internal sealed class CapacityTargetsStep : IDemoSeedStep
{
    public string Name => "capacity targets";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var thisMonth = Months.Of(context.Now);
        var department = new CapacityTarget { Period = thisMonth.AddMonths(-12), UpdatedAt = context.Now };
        department.Apply(new TargetShares(55, 15, 20, 10, 5));
        db.Add(department);
        var desk = await db.Set<Team>().Where(t => t.Name == "Service Desk").Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (desk is { } deskId)
        {
            var deskPlan = new CapacityTarget { TeamId = deskId, Period = thisMonth.AddMonths(-12), UpdatedAt = context.Now };
            deskPlan.Apply(new TargetShares(80, 10, 5, 5, 10));
            db.Add(deskPlan);
        }
        await db.SaveChangesAsync(ct);
    }
}
