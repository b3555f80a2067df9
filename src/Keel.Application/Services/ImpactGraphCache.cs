using Keel.Application.Data;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;
using Keel.Domain.Services.Map;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

/// <summary>
/// The estate as an <see cref="ImpactGraph"/> plus the CIs' names and types, built once from flat projections; the same
/// relationships read downwards (<see cref="Dependencies"/>) and the CIs' statuses serve the service map.
/// </summary>
public sealed record ImpactSnapshot(
    ImpactGraph Graph, IReadOnlyDictionary<Guid, (string Name, string Type)> Cis,
    DependencyIndex Dependencies, IReadOnlyDictionary<Guid, CiStatus> Statuses);

/// <summary>
/// One shared impact graph per app node. Any change to relationships, CI–service links, consumers or CIs calls
/// <see cref="Invalidate"/>; the next analysis rebuilds it with three bulk projection queries. Another node's
/// changes reach this one when the snapshot ages out (<see cref="MaxAge"/>).
/// </summary>
public sealed class ImpactGraphCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _building = new(1, 1);
    // A reference swapped whole, so a reader never sees half of an old entry and half of a new one.
    private volatile Entry? _current;
    private long _generation;

    public void Invalidate() => Interlocked.Increment(ref _generation);

    public async Task<ImpactSnapshot> GetAsync(KeelDb db, CancellationToken ct)
    {
        if (Fresh() is { } snapshot)
        {
            return snapshot;
        }
        await _building.WaitAsync(ct);
        try
        {
            if (Fresh() is { } built)
            {
                return built;
            }
            var generation = Interlocked.Read(ref _generation);
            var next = await BuildAsync(db, ct);
            _current = new Entry(next, generation, Environment.TickCount64);
            return next;
        }
        finally
        {
            _building.Release();
        }
    }

    private sealed record Entry(ImpactSnapshot Snapshot, long Generation, long BuiltAt);

    private ImpactSnapshot? Fresh() =>
        _current is { } current && current.Generation == Interlocked.Read(ref _generation)
        && Environment.TickCount64 - current.BuiltAt < (long)MaxAge.TotalMilliseconds
            ? current.Snapshot
            : null;

    private static async Task<ImpactSnapshot> BuildAsync(KeelDb db, CancellationToken ct)
    {
        var edges = await db.Set<CiRelationship>().AsNoTracking().OrderBy(r => r.FromId).ThenBy(r => r.ToId)
            .Select(r => new { r.FromId, r.ToId, r.Type }).ToListAsync(ct);
        var links = await db.Set<CiServiceLinkRow>().AsNoTracking().OrderBy(l => l.CiId).ThenBy(l => l.ServiceId)
            .Select(l => new { l.CiId, l.ServiceId }).ToListAsync(ct);
        var consumers = await db.Set<ServiceConsumer>().AsNoTracking().OrderBy(c => c.ServiceId).ThenBy(c => c.BusinessUnitId)
            .Select(c => new { c.ServiceId, c.BusinessUnitId }).ToListAsync(ct);
        var cis = await db.Set<ConfigurationItem>().AsNoTracking().Select(c => new { c.Id, c.Name, c.Type, c.Status }).ToListAsync(ct);
        var ciEdges = edges.Select(e => new CiEdge(e.FromId, e.ToId, e.Type)).ToList();
        var serviceLinks = links.Select(l => new CiServiceLink(l.CiId, l.ServiceId)).ToList();
        var graph = ImpactGraph.Build(ciEdges, serviceLinks, consumers.Select(c => new ServiceConsumption(c.ServiceId, c.BusinessUnitId)));
        return new ImpactSnapshot(
            graph, cis.ToDictionary(c => c.Id, c => (c.Name, c.Type)),
            DependencyIndex.Build(ciEdges, serviceLinks), cis.ToDictionary(c => c.Id, c => c.Status));
    }
}
