namespace Keel.Domain.Services.Map;

/// <summary>
/// Orders the nodes inside each layer to reduce edge crossings with the barycentre heuristic (Sugiyama et al.):
/// sweeps down then up, each node moving to the mean position of its neighbours in the layers already placed,
/// and keeps the order with the fewest crossings between adjacent layers. Good enough for a few hundred nodes,
/// and deterministic: ties keep the order of the walk.
/// </summary>
internal static class LayerOrdering
{
    private const int Sweeps = 6;

    /// <param name="depths">The layer of each node (node 0 is the root).</param>
    /// <param name="edges">Pairs of node indexes; direction does not matter here.</param>
    /// <returns>The node indexes of each layer, left to right.</returns>
    public static IReadOnlyList<IReadOnlyList<int>> Order(int[] depths, IReadOnlyList<(int A, int B)> edges)
    {
        var layerCount = depths.Max() + 1;
        var layers = Enumerable.Range(0, layerCount).Select(_ => new List<int>()).ToArray();
        for (var node = 0; node < depths.Length; node++)
        {
            layers[depths[node]].Add(node);
        }
        var neighbours = Enumerable.Range(0, depths.Length).Select(_ => new List<int>()).ToArray();
        foreach (var (a, b) in edges.Where(e => depths[e.A] != depths[e.B]))
        {
            neighbours[a].Add(b);
            neighbours[b].Add(a);
        }
        var position = new double[depths.Length];
        foreach (var layer in layers)
        {
            Renumber(layer, position);
        }
        var best = Snapshot(layers);
        var fewest = Crossings(layers, depths, edges, position);
        for (var sweep = 0; sweep < Sweeps && fewest > 0; sweep++)
        {
            for (var l = 1; l < layerCount; l++)
            {
                Reorder(layers[l], neighbours, position, m => depths[m] < l);
            }
            for (var l = layerCount - 2; l >= 1; l--)
            {
                Reorder(layers[l], neighbours, position, m => depths[m] > l);
            }
            var crossings = Crossings(layers, depths, edges, position);
            if (crossings < fewest)
            {
                fewest = crossings;
                best = Snapshot(layers);
            }
        }
        return best;
    }

    /// <summary>Sorts a layer by the mean position of each node's neighbours on the given side (stable; a node without any keeps its place).</summary>
    private static void Reorder(List<int> layer, List<int>[] neighbours, double[] position, Func<int, bool> side)
    {
        var keys = new Dictionary<int, double>(layer.Count);
        foreach (var node in layer)
        {
            double sum = 0;
            var count = 0;
            foreach (var other in neighbours[node])
            {
                if (side(other))
                {
                    sum += position[other];
                    count++;
                }
            }
            keys[node] = count == 0 ? position[node] : sum / count;
        }
        var sorted = layer.Select((node, i) => (node, i)).OrderBy(p => keys[p.node]).ThenBy(p => p.i).Select(p => p.node).ToList();
        layer.Clear();
        layer.AddRange(sorted);
        Renumber(layer, position);
    }

    /// <summary>Positions as fractions of the layer's width, so layers of different widths compare (rows are centred).</summary>
    private static void Renumber(List<int> layer, double[] position)
    {
        for (var i = 0; i < layer.Count; i++)
        {
            position[layer[i]] = (i + 0.5) / layer.Count;
        }
    }

    /// <summary>Pairs of edges between the same two adjacent layers whose ends are in opposite orders.</summary>
    internal static int Crossings(IReadOnlyList<IReadOnlyList<int>> layers, int[] depths, IReadOnlyList<(int A, int B)> edges, double[] position)
    {
        var byLayer = new List<(double Upper, double Lower)>[layers.Count];
        foreach (var (a, b) in edges)
        {
            var (upper, lower) = depths[a] < depths[b] ? (a, b) : (b, a);
            if (depths[lower] == depths[upper] + 1)
            {
                (byLayer[depths[upper]] ??= []).Add((position[upper], position[lower]));
            }
        }
        var crossings = 0;
        foreach (var pairs in byLayer)
        {
            if (pairs is null)
            {
                continue;
            }
            for (var i = 0; i < pairs.Count; i++)
            {
                for (var j = i + 1; j < pairs.Count; j++)
                {
                    if ((pairs[i].Upper - pairs[j].Upper) * (pairs[i].Lower - pairs[j].Lower) < 0)
                    {
                        crossings++;
                    }
                }
            }
        }
        return crossings;
    }

    private static IReadOnlyList<IReadOnlyList<int>> Snapshot(List<int>[] layers) => layers.Select(l => (IReadOnlyList<int>)l.ToArray()).ToArray();
}
