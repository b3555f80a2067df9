using System.Buffers;
using Keel.Domain.Services.Configuration;

namespace Keel.Domain.Services.Impact;

/// <summary>
/// Impact analysis: if this CI fails, which CIs, services and business units are affected, and how.
/// A breadth-first walk along <see cref="ImpactGraph.DirectlyAffected"/>, so the first path found to anything is
/// a shortest one, and each CI is visited once, which is what makes cycles and self-loops harmless.
/// </summary>
public static class ImpactAnalyzer
{
    /// <param name="graph">The estate, built once and shared.</param>
    /// <param name="failedCiId">The CI that fails.</param>
    /// <param name="maxDepth">How many relationships away from the failed CI to look; null for no limit, 0 for the CI's own services only.</param>
    public static ImpactReport Analyze(ImpactGraph graph, Guid failedCiId, int? maxDepth = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (maxDepth is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(maxDepth));
        }
        if (!graph.TryGetNode(failedCiId, out var start))
        {
            // A CI in no relationship and linked to no service affects nothing but itself.
            return new ImpactReport(failedCiId, [], [], [], maxDepth, false);
        }
        var n = graph.NodeCount;
        // Rented, not allocated: at 50,000 CIs each array is large enough to land on the large-object heap.
        var walk = new Walk(
            ArrayPool<int>.Shared.Rent(n), ArrayPool<int>.Shared.Rent(n),
            ArrayPool<int>.Shared.Rent(n), ArrayPool<RelationshipType>.Shared.Rent(n));
        try
        {
            var (visited, truncated) = walk.Run(graph, start, maxDepth ?? int.MaxValue);
            var cis = new AffectedCi[visited - 1];
            for (var k = 1; k < visited; k++)
            {
                var node = walk.Queue[k];
                cis[k - 1] = new AffectedCi(graph.CiId(node), graph.CiId(walk.Parent[node]), walk.Via[node], walk.Depth[node]);
            }
            var services = FindServices(graph, walk, visited, out var serviceOrder);
            var units = FindUnits(graph, services, serviceOrder);
            return new ImpactReport(failedCiId, cis, services, units, maxDepth, truncated);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(walk.Parent);
            ArrayPool<int>.Shared.Return(walk.Queue);
            ArrayPool<int>.Shared.Return(walk.Depth);
            ArrayPool<RelationshipType>.Shared.Return(walk.Via);
        }
    }

    /// <summary>
    /// The breadth-first walk. Afterwards <see cref="Queue"/> holds the visited CIs in order of depth, and
    /// <see cref="Parent"/>, <see cref="Via"/> and <see cref="Depth"/> the step each was reached by.
    /// </summary>
    private readonly record struct Walk(int[] Parent, int[] Queue, int[] Depth, RelationshipType[] Via)
    {
        private const int Unvisited = -1;

        /// <summary>How many CIs were visited (the failed one included), and whether the depth limit left CIs out.</summary>
        public (int Visited, bool Truncated) Run(ImpactGraph graph, int start, int maxDepth)
        {
            Array.Fill(Parent, Unvisited, 0, graph.NodeCount);
            Parent[start] = start;
            Depth[start] = 0;
            Queue[0] = start;
            int head = 0, tail = 1;
            var truncated = false;
            while (head < tail)
            {
                var node = Queue[head++];
                var depth = Depth[node];
                var next = graph.DirectlyAffected(node);
                if (depth == maxDepth)
                {
                    // Every CI at this depth is already queued, so an unvisited neighbour lies beyond the limit.
                    foreach (var target in next)
                    {
                        truncated |= Parent[target] == Unvisited;
                    }
                    continue;
                }
                var types = graph.DirectlyAffectedVia(node);
                for (var i = 0; i < next.Length; i++)
                {
                    var target = next[i];
                    if (Parent[target] == Unvisited)
                    {
                        Parent[target] = node;
                        Via[target] = types[i];
                        Depth[target] = depth + 1;
                        Queue[tail++] = target;
                    }
                }
            }
            return (tail, truncated);
        }

        public ImpactPath PathTo(ImpactGraph graph, int node)
        {
            var depth = Depth[node];
            var ids = new Guid[depth + 1];
            var via = new RelationshipType[depth];
            for (var i = depth; i > 0; i--)
            {
                ids[i] = graph.CiId(node);
                via[i - 1] = Via[node];
                node = Parent[node];
            }
            ids[0] = graph.CiId(node);
            return new ImpactPath(ids, via);
        }
    }

    /// <summary>Services in order of their nearest CI; the visit order already runs nearest first.</summary>
    private static AffectedService[] FindServices(ImpactGraph graph, Walk walk, int visited, out int[] order)
    {
        var seen = new bool[graph.ServiceCount];
        var found = new List<AffectedService>();
        var indexes = new List<int>();
        for (var k = 0; k < visited; k++)
        {
            var node = walk.Queue[k];
            foreach (var service in graph.ServicesOf(node))
            {
                if (!seen[service])
                {
                    seen[service] = true;
                    found.Add(new AffectedService(graph.ServiceId(service), graph.CiId(node), walk.PathTo(graph, node)));
                    indexes.Add(service);
                }
            }
        }
        order = indexes.ToArray();
        return found.ToArray();
    }

    private static AffectedBusinessUnit[] FindUnits(ImpactGraph graph, AffectedService[] services, int[] serviceOrder)
    {
        var byUnit = new Dictionary<int, (AffectedService Nearest, List<Guid> Services)>();
        var order = new List<int>();
        for (var s = 0; s < services.Length; s++)
        {
            foreach (var unit in graph.UnitsOf(serviceOrder[s]))
            {
                if (byUnit.TryGetValue(unit, out var entry))
                {
                    if (!entry.Services.Contains(services[s].ServiceId))
                    {
                        entry.Services.Add(services[s].ServiceId);
                    }
                }
                else
                {
                    byUnit[unit] = (services[s], [services[s].ServiceId]);
                    order.Add(unit);
                }
            }
        }
        return order
            .Select(unit => new AffectedBusinessUnit(
                graph.UnitId(unit), byUnit[unit].Nearest.ServiceId, byUnit[unit].Services, byUnit[unit].Nearest.Path))
            .ToArray();
    }
}
