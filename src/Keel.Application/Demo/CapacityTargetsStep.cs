using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>
/// The IT leader's capacity plans: for the department a year ago Run 75 · Debt 10 · Grow 12 · Transform 3 ± 5, raised
/// eight months ago, when the ERP move to the cloud began, to Run 68 · Debt 8 · Grow 12 · Transform 12 ± 5; and a team
/// plan for the Service Desk, which keeps the lights on. <see cref="ProjectWorkStep"/> then logs the project hours
/// that keep the department on plan, apart from the drift of the last two months.
/// </summary>
internal sealed class CapacityTargetsStep : IDemoSeedStep
{
    public string Name => "capacity targets";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var thisMonth = Months.Of(context.Now);
        var department = new CapacityTarget { Period = thisMonth.AddMonths(-12), UpdatedAt = context.Now };
        department.Apply(new TargetShares(75, 10, 12, 3, 5));
        var raised = new CapacityTarget { Period = thisMonth.AddMonths(-8), UpdatedAt = context.Now };
        raised.Apply(new TargetShares(68, 8, 12, 12, 5));
        db.AddRange(department, raised);
        var desk = await db.Set<Team>().Where(t => t.Name == "Service Desk").Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (desk is { } deskId)
        {
            var deskPlan = new CapacityTarget { TeamId = deskId, Period = thisMonth.AddMonths(-12), UpdatedAt = context.Now };
            deskPlan.Apply(new TargetShares(90, 5, 5, 0, 10));
            db.Add(deskPlan);
        }
        await db.SaveChangesAsync(ct);
    }
}
