namespace Keel.Domain.Services.Map;

/// <summary>
/// Lays out a service map: the root (a service, or a CI to re-centre on) at layer 0, a service's CIs at layer 1,
/// what they need at layer 2, and so on down to a maximum depth. A breadth-first walk, so each node appears once,
/// at its shortest depth, which makes cycles harmless; relationships that point back up or across a layer are
/// still drawn. Inside a layer the nodes are ordered to reduce crossings (<see cref="LayerOrdering"/>), and a
/// layer wider than <see cref="MaxPerRow"/> wraps onto several rows so a service with hundreds of CIs stays readable.
/// </summary>
public static class ServiceMapLayout
{
    public const int DefaultMaxNodes = 150;
    public const int MaxPerRow = 8;
    public const double NodeWidth = 168;
    public const double NodeHeight = 52;
    public const double ColumnGap = 28;
    public const double RowGap = 28;
    public const double LayerGap = 80;
    public const double Margin = 24;

    /// <param name="maxDepth">1 shows the service and its CIs; each more follows the relationships one step further.</param>
    /// <param name="maxNodes">At most this many boxes (the service included); the rest is left out in walk order.</param>
    public static ServiceMap ForService(DependencyIndex estate, Guid serviceId, int maxDepth, int maxNodes = DefaultMaxNodes) =>
        Lay(estate, serviceId, MapNodeKind.Service, maxDepth, maxNodes);

    /// <summary>The map centred on one CI: the CI at layer 0 and what it needs below it.</summary>
    public static ServiceMap ForCi(DependencyIndex estate, Guid ciId, int maxDepth, int maxNodes = DefaultMaxNodes) =>
        Lay(estate, ciId, MapNodeKind.Ci, maxDepth, maxNodes);

    private static ServiceMap Lay(DependencyIndex estate, Guid rootId, MapNodeKind rootKind, int maxDepth, int maxNodes)
    {
        ArgumentNullException.ThrowIfNull(estate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNodes, 1);
        var walk = Walk(estate, rootId, rootKind, maxDepth, maxNodes);
        var edges = EdgesBetween(estate, walk.Nodes, walk.Index);
        var layers = LayerOrdering.Order(walk.Nodes.Select(n => n.Depth).ToArray(), edges.Select(e => (walk.Index[e.FromId], walk.Index[e.ToId])).ToList());
        var (x, y, width, height) = Place(layers, walk.Nodes.Count);
        var nodes = walk.Nodes.Select((n, i) => new MapNode(n.Id, n.Kind, n.Depth, x[i], y[i])).ToList();
        return new ServiceMap(nodes, edges, maxDepth, walk.Truncated, walk.Deeper, width, height);
    }

    private sealed record Found(Guid Id, MapNodeKind Kind, int Depth);

    private sealed record WalkResult(List<Found> Nodes, Dictionary<Guid, int> Index, bool Truncated, bool Deeper);

    private static WalkResult Walk(DependencyIndex estate, Guid rootId, MapNodeKind rootKind, int maxDepth, int maxNodes)
    {
        var nodes = new List<Found> { new(rootId, rootKind, 0) };
        var index = new Dictionary<Guid, int> { [rootId] = 0 };
        bool truncated = false, deeper = false;
        for (var head = 0; head < nodes.Count; head++)
        {
            var (id, kind, depth) = nodes[head];
            foreach (var next in Below(estate, id, kind))
            {
                if (index.ContainsKey(next))
                {
                    continue;
                }
                if (depth == maxDepth)
                {
                    deeper = true;
                    break;
                }
                if (nodes.Count == maxNodes)
                {
                    truncated = true;
                    break;
                }
                index[next] = nodes.Count;
                nodes.Add(new Found(next, MapNodeKind.Ci, depth + 1));
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
