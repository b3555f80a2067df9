namespace Keel.Domain.Services.Map;

/// <summary>
/// Lays out a service map: the root (a service, or a CI to re-centre on) at layer 0, a service's CIs at layer 1,
/// what they need at layer 2, and so on down to a maximum depth. A breadth-first walk, so each node appears once,
/// at its shortest depth, which makes cycles harmless; relationships that point back up or across a layer are
/// still drawn. Inside a layer the nodes are ordered to reduce crossings (<see cref="LayerOrdering"/>), and a
/// layer wider than <see cref="MaxPerRow"/> wraps onto several rows.
/// A node shows at most <c>maxChildren</c> of the CIs below it, those that need the most first, so a service with
/// 1,600 laptops and one application still shows the application's whole stack (and counts the laptops it leaves out).
/// </summary>
public static class ServiceMapLayout
{
    public const int DefaultMaxNodes = 150;
    public const int DefaultMaxChildren = 12;
    public const int MaxPerRow = 7;
    public const double NodeWidth = 176;
    public const double NodeHeight = 48;
    public const double ColumnGap = 24;
    public const double RowGap = 22;
    public const double LayerGap = 68;
    public const double Margin = 32;

    /// <param name="maxDepth">1 shows the service and its CIs; each more follows the relationships one step further.</param>
    /// <param name="maxNodes">At most this many boxes (the service included); the rest is left out in walk order.</param>
    /// <param name="maxChildren">At most this many CIs below each box.</param>
    public static ServiceMap ForService(
        DependencyIndex estate, Guid serviceId, int maxDepth, int maxNodes = DefaultMaxNodes, int maxChildren = DefaultMaxChildren) =>
        Lay(estate, new Limits(serviceId, MapNodeKind.Service, maxDepth, maxNodes, maxChildren));

    /// <summary>The map centred on one CI: the CI at layer 0 and what it needs below it.</summary>
    public static ServiceMap ForCi(
        DependencyIndex estate, Guid ciId, int maxDepth, int maxNodes = DefaultMaxNodes, int maxChildren = DefaultMaxChildren) =>
        Lay(estate, new Limits(ciId, MapNodeKind.Ci, maxDepth, maxNodes, maxChildren));

    private sealed record Limits(Guid RootId, MapNodeKind RootKind, int MaxDepth, int MaxNodes, int MaxChildren);

    private static ServiceMap Lay(DependencyIndex estate, Limits limits)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxDepth, 1, "maxDepth");
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxNodes, 1, "maxNodes");
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxChildren, 1, "maxChildren");
        var walk = Walk(estate, limits);
        var edges = EdgesBetween(estate, walk.Nodes, walk.Index);
        var layers = LayerOrdering.Order(walk.Nodes.Select(n => n.Depth).ToArray(), edges.Select(e => (walk.Index[e.FromId], walk.Index[e.ToId])).ToList());
        var (x, y, width, height) = Place(layers, walk.Nodes.Count);
        var nodes = walk.Nodes.Select((n, i) => new MapNode(n.Id, n.Kind, n.Depth, x[i], y[i],
            n.Depth < limits.MaxDepth ? Below(estate, n.Id, n.Kind).Distinct().Count(c => !walk.Index.ContainsKey(c)) : 0)).ToList();
        return new ServiceMap(nodes, edges, limits.MaxDepth, walk.Truncated, walk.Deeper, width, height);
    }

    private sealed record Found(Guid Id, MapNodeKind Kind, int Depth);

    private sealed record WalkResult(List<Found> Nodes, Dictionary<Guid, int> Index, bool Truncated, bool Deeper);

    private static WalkResult Walk(DependencyIndex estate, Limits limits)
    {
        var nodes = new List<Found> { new(limits.RootId, limits.RootKind, 0) };
        var index = new Dictionary<Guid, int> { [limits.RootId] = 0 };
        bool truncated = false, deeper = false;
        for (var head = 0; head < nodes.Count; head++)
        {
            var (id, kind, depth) = nodes[head];
            // The CIs that need the most come first, so the fan-out limit leaves out leaves rather than whole stacks.
            var added = 0;
            foreach (var next in Below(estate, id, kind).OrderByDescending(c => estate.Needs(c).Count))
            {
                if (index.ContainsKey(next))
                {
                    continue;
                }
                if (depth == limits.MaxDepth)
                {
                    deeper = true;
                    break;
                }
                if (nodes.Count == limits.MaxNodes || added == limits.MaxChildren)
                {
                    truncated = true;
                    break;
                }
                index[next] = nodes.Count;
                nodes.Add(new Found(next, MapNodeKind.Ci, depth + 1));
                added++;
            }
        }
        return new WalkResult(nodes, index, truncated, deeper);
    }

    private static IEnumerable<Guid> Below(DependencyIndex estate, Guid id, MapNodeKind kind) =>
        kind == MapNodeKind.Service ? estate.CisOf(id) : estate.Needs(id).Select(DependencyIndex.Needed);

    /// <summary>Every link and relationship between two drawn nodes, back edges and edges inside a layer included.</summary>
    private static List<MapEdge> EdgesBetween(DependencyIndex estate, List<Found> nodes, Dictionary<Guid, int> index)
    {
        var edges = new List<MapEdge>();
        var seen = new HashSet<MapEdge>();
        foreach (var node in nodes)
        {
            if (node.Kind == MapNodeKind.Service)
            {
                edges.AddRange(estate.CisOf(node.Id).Where(index.ContainsKey).Select(ci => new MapEdge(node.Id, ci, null)));
                continue;
            }
            foreach (var relationship in estate.Needs(node.Id))
            {
                var edge = new MapEdge(relationship.FromId, relationship.ToId, relationship.Type);
                if (index.ContainsKey(DependencyIndex.Needed(relationship)) && seen.Add(edge))
                {
                    edges.Add(edge);
                }
            }
        }
        return edges;
    }

    /// <summary>Centres of the boxes: layers top to bottom, each row centred on the widest row.</summary>
    private static (double[] X, double[] Y, double Width, double Height) Place(IReadOnlyList<IReadOnlyList<int>> layers, int count)
    {
        var x = new double[count];
        var y = new double[count];
        var widest = layers.Max(l => Math.Min(l.Count, MaxPerRow));
        var width = 2 * Margin + widest * NodeWidth + (widest - 1) * ColumnGap;
        var top = Margin;
        foreach (var layer in layers)
        {
            // Balanced rows: 10 nodes wrap as 5 + 5, not 8 + 2.
            var rows = (layer.Count + MaxPerRow - 1) / MaxPerRow;
            var perRow = (layer.Count + rows - 1) / rows;
            for (var start = 0; start < layer.Count; start += perRow)
            {
                var inRow = Math.Min(perRow, layer.Count - start);
                var left = (width - (inRow * NodeWidth + (inRow - 1) * ColumnGap)) / 2;
                for (var i = 0; i < inRow; i++)
                {
                    var node = layer[start + i];
                    x[node] = left + i * (NodeWidth + ColumnGap) + NodeWidth / 2;
                    y[node] = top + NodeHeight / 2;
                }
                top += NodeHeight + RowGap;
            }
            top += LayerGap - RowGap;
        }
        return (x, y, width, top - LayerGap + Margin);
    }
}
