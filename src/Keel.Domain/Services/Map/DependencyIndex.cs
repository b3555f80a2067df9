using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;

namespace Keel.Domain.Services.Map;

/// <summary>
/// The estate read downwards, for drawing a service map: for each CI, the stored relationships in which it is
/// the side that needs the other; for each service, the CIs that deliver it. The impact graph reads the same
/// relationships the other way (what a failure reaches), so the two are built from the same inputs.
/// Immutable; one instance serves concurrent maps.
/// </summary>
public sealed class DependencyIndex
{
    public static readonly DependencyIndex Empty = Build([], []);

    private readonly Dictionary<Guid, CiEdge[]> _needs;
    private readonly Dictionary<Guid, Guid[]> _cisOfService;

    private DependencyIndex(Dictionary<Guid, CiEdge[]> needs, Dictionary<Guid, Guid[]> cisOfService)
    {
        _needs = needs;
        _cisOfService = cisOfService;
    }

    /// <summary>Keeps the input order within each CI and each service, so the same input always draws the same map.</summary>
    public static DependencyIndex Build(IEnumerable<CiEdge> relationships, IEnumerable<CiServiceLink> serviceLinks)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        ArgumentNullException.ThrowIfNull(serviceLinks);
        var needs = new Dictionary<Guid, List<CiEdge>>();
        foreach (var edge in relationships)
        {
            Add(needs, Needer(edge), edge);
        }
        var cis = new Dictionary<Guid, List<Guid>>();
        foreach (var link in serviceLinks)
        {
            Add(cis, link.ServiceId, link.CiId);
        }
        return new DependencyIndex(
            needs.ToDictionary(p => p.Key, p => p.Value.ToArray()),
            cis.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray()));
    }

    /// <summary>The stored relationships in which <paramref name="ciId"/> needs the other CI (see <see cref="Needed"/>).</summary>
    public IReadOnlyList<CiEdge> Needs(Guid ciId) => _needs.TryGetValue(ciId, out var edges) ? edges : [];

    /// <summary>The CIs linked to the service, in the order the links were loaded.</summary>
    public IReadOnlyList<Guid> CisOf(Guid serviceId) => _cisOfService.TryGetValue(serviceId, out var cis) ? cis : [];

    /// <summary>The side of a relationship that needs the other: the one a failure of the other affects.</summary>
    public static Guid Needer(CiEdge edge) => RelationshipTypes.FailurePropagatesToFrom(edge.Type) ? edge.FromId : edge.ToId;

    /// <summary>The side of a relationship that is needed: the dependency.</summary>
    public static Guid Needed(CiEdge edge) => RelationshipTypes.FailurePropagatesToFrom(edge.Type) ? edge.ToId : edge.FromId;

    private static void Add<T>(Dictionary<Guid, List<T>> lists, Guid key, T value)
    {
        if (!lists.TryGetValue(key, out var list))
        {
            list = [];
            lists[key] = list;
        }
        list.Add(value);
    }
}
