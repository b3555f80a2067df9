using Keel.Application.Data;
using Keel.Application.Knowledge;
using Keel.Domain.Platform;
using Keel.Domain.Problems;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Problems;

/// <summary>
/// The problem's part of a move, run by <c>WorkItemService.TransitionAsync</c> once the workflow allowed it: a known
/// error needs a workaround and a resolved problem a root cause (<see cref="ProblemRecord.CheckMove"/>); a problem that
/// becomes a known error is published to the knowledge base. Known errors belong to the problem manager: only they
/// (and admins) declare one.
/// </summary>
internal static class ProblemMoves
{
    /// <summary>Null when the move may be saved; otherwise the error, and nothing tracked is kept.</summary>
    /// <param name="mayDeclareKnownError">Whether the mover holds the problem manager's part (<see cref="ProblemAccess.CanDecide"/>).</param>
    public static async Task<Error?> CheckAsync(KeelDb db, WorkItem item, Guid? actorId, bool mayDeclareKnownError, DateTime now, CancellationToken ct)
    {
        if (item.Kind != WorkKind.Problem)
        {
            return null;
        }
        if (item.State == WorkState.KnownError && !mayDeclareKnownError)
        {
            db.ChangeTracker.Clear();
            return ProblemAccess.NotYourKnownError();
        }
        var record = await db.Set<ProblemRecord>().FirstOrDefaultAsync(r => r.WorkItemId == item.Id, ct);
        if (record is null)
        {
            record = new ProblemRecord { WorkItemId = item.Id };
            db.Add(record);
        }
        if (record.CheckMove(item.State) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }
        record.Moved(item.State, now);
        if (item.State == WorkState.KnownError)
        {
            await KnownErrorPublisher.PublishAsync(db, item, record, actorId, now, ct);
        }
        return null;
    }
}
