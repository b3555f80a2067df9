using Keel.Application.Data;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Reads the history of a value stream's items for a period and folds it into <see cref="FlowFigures"/>. It reads only the
/// items that can matter (created before the end, and changed since the start or still open), their creation and state
/// lines only, in batches of <see cref="BatchSize"/> items: memory stays bounded by a batch's history plus a few numbers
/// per finished item, however many items the stream covers.
/// </summary>
public sealed class FlowReader(KeelDb db)
{
    public const int BatchSize = 500;

    public async Task<(FlowFigures Figures, int ItemsRead)> ReadAsync(ValueStream stream, DateTime from, DateTime to, CancellationToken ct)
    {
        var steps = stream.FlowSteps();
        var figures = new FlowAccumulator(steps, from, to);
        var notOpen = Workflows.NotOpenStates.ToList();
        var items = db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.Kind == stream.Kind && w.CreatedAt < to && (w.UpdatedAt >= from || !notOpen.Contains(w.State)));
        if (stream.ServiceId is { } serviceId)
        {
            items = items.Where(w => w.ServiceId == serviceId);
        }
        if (stream.CatalogItemId is { } catalogItemId)
        {
            items = items.Where(w => w.CatalogItemId == catalogItemId);
        }
        var ids = await items.Select(w => w.Id).ToListAsync(ct);
        var initial = Workflows.For(stream.Kind).Initial;
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var lines = await db.Set<WorkEvent>().AsNoTracking()
                .Where(e => batch.Contains(e.WorkItemId) && e.At < to && (e.Type == WorkEventType.Created || e.Type == WorkEventType.StateChanged))
                .Select(e => new { e.WorkItemId, e.Id, e.At, e.Type, e.To })
                .ToListAsync(ct);
            foreach (var item in lines.GroupBy(e => e.WorkItemId))
            {
                var history = item.OrderBy(e => e.At).ThenBy(e => e.Id)
                    .Select(e => e.Type == WorkEventType.Created
                        ? FlowEvent.Creation(e.At, Enum.TryParse<WorkState>(e.To, out var first) ? first : initial)
                        : Enum.TryParse<WorkState>(e.To, out var state) ? FlowEvent.Move(e.At, state) : (FlowEvent?)null)
                    .OfType<FlowEvent>();
                figures.Add(FlowCalculator.Calculate(stream.Kind, steps, history, to));
            }
        }
        return (figures.Figures(), ids.Count);
    }
}
