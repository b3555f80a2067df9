using Keel.Application.Data;
using Keel.Application.Platform.Jobs;

namespace Keel.Application.Value;

/// <summary>
/// Keeps the value rollup current: every five minutes it rewrites the days touched since its last run
/// (<see cref="ValueRollup.CatchUpAsync"/>); its first run, with no mark yet, rewrites everything. One occurrence is
/// enqueued once across all nodes, and a run that repeats after a crash rewrites the same days to the same rows.
/// </summary>
public sealed class ValueRollupHandler(KeelDb db, TimeProvider time) : IJobHandler
{
    public const string JobType = "value.rollup";
    public const string Schedule = "every 5m";

    public string Type => JobType;

    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>
        new ValueRollup(db, time).CatchUpAsync(cancellationToken);
}
