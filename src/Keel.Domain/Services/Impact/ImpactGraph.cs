using Keel.Domain.Services.Configuration;

namespace Keel.Domain.Services.Impact;

/// <summary>
/// The CMDB as arrays, built once: for each CI, the CIs that a failure of it affects directly (compressed
/// adjacency: one offsets array and one targets array, so an analysis walks memory in order and allocates
/// nothing per edge); for each CI its services; for each service its consumers. Immutable, so one instance
/// serves concurrent analyses.
/// </summary>
public sealed class ImpactGraph
{
    private readonly Guid[] _ciIds;
    private readonly Dictionary<Guid, int> _ciIndex;
    private readonly Compressed _affects;
    private readonly RelationshipType[] _affectsVia;
    private readonly Compressed _servicesOfCi;
    private readonly Guid[] _serviceIds;
    private readonly Compressed _unitsOfService;
    private readonly Guid[] _unitIds;

    private ImpactGraph(
        Guid[] ciIds, Dictionary<Guid, int> ciIndex, Compressed affects, RelationshipType[] affectsVia,
        Compressed servicesOfCi, Guid[] serviceIds, Compressed unitsOfService, Guid[] unitIds)
    {
        _ciIds = ciIds;
        _ciIndex = ciIndex;
        _affects = affects;
        _affectsVia = affectsVia;
        _servicesOfCi = servicesOfCi;
        _serviceIds = serviceIds;
        _unitsOfService = unitsOfService;
        _unitIds = unitIds;
    }

    public static ImpactGraph Build(
        IEnumerable<CiEdge> relationships,
        IEnumerable<CiServiceLink> serviceLinks,
        IEnumerable<ServiceConsumption> consumers)
    {
        ArgumentNullException.ThrowIfNull(relationships);
        ArgumentNullException.ThrowIfNull(serviceLinks);
        ArgumentNullException.ThrowIfNull(consumers);
        var cis = new Interner();
        var failed = new List<int>();
        var affected = new List<int>();
        var via = new List<RelationshipType>();
        foreach (var edge in relationships)
        {
            var from = cis.Intern(edge.FromId);
            var to = cis.Intern(edge.ToId);
            // Each type says which end a failure travels to; see RelationshipTypes.
            var towardsFrom = RelationshipTypes.FailurePropagatesToFrom(edge.Type);
            failed.Add(towardsFrom ? to : from);
            affected.Add(towardsFrom ? from : to);
            via.Add(edge.Type);
        }
        var services = new Interner();
        var linkCi = new List<int>();
        var linkService = new List<int>();
        foreach (var link in serviceLinks)
        {
            linkCi.Add(cis.Intern(link.CiId));
            linkService.Add(services.Intern(link.ServiceId));
        }
        var units = new Interner();
        var consumerService = new List<int>();
        var consumerUnit = new List<int>();
        foreach (var consumer in consumers)
        {
            // A consumer of a service that no CI delivers can never be reached; it is kept anyway, it costs little.
            consumerService.Add(services.Intern(consumer.ServiceId));
            consumerUnit.Add(units.Intern(consumer.BusinessUnitId));
        }
        var affects = Compressed.From(cis.Count, failed, affected, out var order);
        var affectsVia = new RelationshipType[via.Count];
        for (var i = 0; i < order.Length; i++)
        {
            affectsVia[i] = via[order[i]];
        }
        return new ImpactGraph(
            cis.Ids.ToArray(), cis.Index, affects, affectsVia,
            Compressed.From(cis.Count, linkCi, linkService, out _), services.Ids.ToArray(),
            Compressed.From(services.Count, consumerService, consumerUnit, out _), units.Ids.ToArray());
    }

    /// <summary>The number of CIs the graph knows (those in a relationship or linked to a service).</summary>
    public int NodeCount => _ciIds.Length;

    public int EdgeCount => _affects.Targets.Length;

    public bool TryGetNode(Guid ciId, out int node) => _ciIndex.TryGetValue(ciId, out node);

    public Guid CiId(int node) => _ciIds[node];

    /// <summary>The CIs that a failure of <paramref name="node"/> affects directly.</summary>
    public ReadOnlySpan<int> DirectlyAffected(int node) => _affects.Of(node);

    /// <summary>The relationship type of each entry of <see cref="DirectlyAffected"/>, position for position.</summary>
    public ReadOnlySpan<RelationshipType> DirectlyAffectedVia(int node) =>
        _affectsVia.AsSpan(_affects.Offsets[node], _affects.Offsets[node + 1] - _affects.Offsets[node]);

    internal int ServiceCount => _serviceIds.Length;

    internal int UnitCount => _unitIds.Length;

    internal ReadOnlySpan<int> ServicesOf(int node) => _servicesOfCi.Of(node);

    internal ReadOnlySpan<int> UnitsOf(int service) => _unitsOfService.Of(service);

    internal Guid ServiceId(int service) => _serviceIds[service];

    internal Guid UnitId(int unit) => _unitIds[unit];

    /// <summary>Gives each id a dense index in order of first sight.</summary>
    private sealed class Interner
    {
        public Dictionary<Guid, int> Index { get; } = [];
        public List<Guid> Ids { get; } = [];
        public int Count => Ids.Count;

        public int Intern(Guid id)
        {
            if (!Index.TryGetValue(id, out var index))
            {
                index = Ids.Count;
                Index[id] = index;
                Ids.Add(id);
            }
            return index;
        }
    }

    /// <summary>Adjacency lists packed into two arrays: the targets of node n are Targets[Offsets[n]..Offsets[n+1]].</summary>
    private sealed record Compressed(int[] Offsets, int[] Targets)
    {
        public ReadOnlySpan<int> Of(int node) =>
            node < Offsets.Length - 1 ? Targets.AsSpan(Offsets[node], Offsets[node + 1] - Offsets[node]) : [];

        /// <summary>
        /// A counting sort by source. Input order is kept within each source, so the same input always gives the
        /// same graph and the same paths. <paramref name="order"/> maps each packed position to its input position.
        /// </summary>
        public static Compressed From(int nodes, List<int> sources, List<int> targets, out int[] order)
        {
            var offsets = new int[nodes + 1];
            foreach (var source in sources)
            {
                offsets[source + 1]++;
            }
            for (var n = 0; n < nodes; n++)
            {
                offsets[n + 1] += offsets[n];
            }
            var next = offsets[..^1];
            var packed = new int[targets.Count];
            order = new int[targets.Count];
            for (var i = 0; i < sources.Count; i++)
            {
                var at = next[sources[i]]++;
                packed[at] = targets[i];
                order[at] = i;
            }
            return new Compressed(offsets, packed);
        }
    }
}
