using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Domain.ServiceLevels;

namespace Keel.Application.ServiceLevels;

/// <summary>
/// Keeps the attainment rollup current: every hour it rewrites the current and the previous month, so clocks decided
/// since the last run, and a met clock reopened across the turn of a month, land in the right month. Older months change
/// only when an admin rebuilds them (after a recompute of clocks, say). One occurrence is enqueued once across all nodes,
/// and the rewrite itself is safe to run twice (<see cref="AttainmentRollup"/>).
/// </summary>
public sealed class AttainmentHandler(KeelDb db, TimeProvider time) : IJobHandler
{
    public const string JobType = "service-levels.attainment";
    public const string Schedule = "every 1h";

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var current = AttainmentRules.MonthOf(time.GetUtcNow().UtcDateTime);
        await new AttainmentRollup(db).RebuildAsync(current.AddMonths(-1), current, cancellationToken);
    }
}
