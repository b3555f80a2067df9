using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;

namespace Keel.Domain.Tests.Services;

/// <summary>Builds an impact graph from readable names, and reads analysis results back as names.</summary>
internal sealed class TestCmdb
{
    private readonly Dictionary<string, Guid> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, string> _names = [];
    private readonly List<CiEdge> _edges = [];
    private readonly List<CiServiceLink> _links = [];
    private readonly List<ServiceConsumption> _consumers = [];

    public Guid Id(string name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            // Deterministic ids, so a failing test fails the same way every time.
            id = new Guid(_ids.Count + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)name.Length);
            _ids[name] = id;
            _names[id] = name;
        }
        return id;
    }

    public string Name(Guid id) => _names[id];

    /// <summary>Records "from type to", e.g. Rel("app", DependsOn, "db").</summary>
    public TestCmdb Rel(string from, RelationshipType type, string to)
    {
        _edges.Add(new CiEdge(Id(from), Id(to), type));
        return this;
    }

    /// <summary>A chain "c1 DependsOn c0", "c2 DependsOn c1", …: a failure of c0 runs all the way up.</summary>
    public TestCmdb Chain(params string[] names)
    {
        for (var i = 1; i < names.Length; i++)
        {
            Rel(names[i], RelationshipType.DependsOn, names[i - 1]);
        }
        return this;
    }

    public TestCmdb Delivers(string ci, string service)
    {
        _links.Add(new CiServiceLink(Id(ci), Id(service)));
        return this;
    }

    public TestCmdb Consumes(string unit, string service)
    {
        _consumers.Add(new ServiceConsumption(Id(service), Id(unit)));
        return this;
    }

    public ImpactGraph Build() => ImpactGraph.Build(_edges, _links, _consumers);

    public ImpactReport Fail(string ci, int? maxDepth = null) => ImpactAnalyzer.Analyze(Build(), Id(ci), maxDepth);

    public string[] Path(ImpactPath path) => path.CiIds.Select(Name).ToArray();

    public string[] Cis(ImpactReport report) => report.ConfigurationItems.Select(c => Name(c.CiId)).ToArray();

    public string[] Services(ImpactReport report) => report.Services.Select(s => Name(s.ServiceId)).ToArray();

    public string[] Units(ImpactReport report) => report.BusinessUnits.Select(u => Name(u.BusinessUnitId)).ToArray();

    public string[] PathTo(ImpactReport report, string ci) => Path(report.PathTo(Id(ci))!);
}
