using Keel.Application.Data;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Application.ServiceLevels;

/// <summary>An item's clocks as they stand now, for anyone who may see the item (requesters see their own items' clocks).</summary>
public sealed class SlaService(KeelDb db, TimeProvider time, WorkItemService work)
{
    public async Task<Result<IReadOnlyList<SlaClockView>>> ClocksAsync(WorkKind kind, string number, CancellationToken ct)
    {
        var item = await work.FindAsync(kind, number, tracked: false, ct);
        if (item is null)
        {
            return Error.NotFound(WorkItemService.Describe(kind));
        }
        var clocks = await new ClockTracker(db).ReadAsync([item], time.GetUtcNow().UtcDateTime, ct);
        return clocks[item.Id].ToList();
    }
}
