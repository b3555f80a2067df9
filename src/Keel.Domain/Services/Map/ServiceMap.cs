using Keel.Domain.Services.Configuration;

namespace Keel.Domain.Services.Map;

public enum MapNodeKind
{
    Service,
    Ci,
}

/// <summary>
/// A box on the map: <see cref="Depth"/> is its layer (0 for the map's root, the service or the CI it is centred on),
/// and (<see cref="X"/>, <see cref="Y"/>) the centre of the box in map units (see <see cref="ServiceMapLayout"/> for the box size).
/// <see cref="Hidden"/> counts the CIs it delivers or needs that the map leaves out (fan-out limit or node cap).
/// </summary>
public sealed record MapNode(Guid Id, MapNodeKind Kind, int Depth, double X, double Y, int Hidden = 0);

/// <summary>
/// An arrow from the side that needs to the side that is needed: a stored relationship read "From Type To", or,
/// when <see cref="Relationship"/> is null, a service delivered by one of its CIs.
/// </summary>
public sealed record MapEdge(Guid FromId, Guid ToId, RelationshipType? Relationship);

/// <summary>
/// A service (or CI) and what it stands on, laid out in layers. <see cref="Truncated"/>: the node cap or the fan-out
/// limit left CIs out (each node says how many of its own in <see cref="MapNode.Hidden"/>). <see cref="Deeper"/>:
/// dependencies lie beyond <see cref="MaxDepth"/>.
/// </summary>
public sealed record ServiceMap(
    IReadOnlyList<MapNode> Nodes, IReadOnlyList<MapEdge> Edges, int MaxDepth, bool Truncated, bool Deeper, double Width, double Height)
{
    public MapNode Root => Nodes[0];
}
