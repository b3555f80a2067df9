using FsCheck;
using FsCheck.Fluent;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;
using Keel.Domain.Services.Map;
using static Keel.Domain.Services.Configuration.RelationshipType;

namespace Keel.Domain.Tests.Services;

public sealed class ServiceMapLayoutTests
{
    [Fact]
    public void ForService_Stack_EachDependencyOneLayerLowerWithItsRelationship()
    {
        var estate = new MapEstate().Delivers("crm", "CRM")
            .Rel("crm", DependsOn, "crm-db").Rel("crm-db", RunsOn, "vm-17").Rel("vm-17", HostedBy, "esx-03");

        var map = estate.ForService("CRM", maxDepth: 6);

        estate.Depths(map).ShouldBe([("CRM", 0), ("crm", 1), ("crm-db", 2), ("vm-17", 3), ("esx-03", 4)]);
        map.Nodes.Select(n => n.Y).ShouldBeInOrder(SortDirection.Ascending);
        map.Root.Kind.ShouldBe(MapNodeKind.Service);
        map.Nodes.Skip(1).ShouldAllBe(n => n.Kind == MapNodeKind.Ci);
        estate.Edges(map).ShouldBe(["CRM -> crm", "crm DependsOn crm-db", "crm-db RunsOn vm-17", "vm-17 HostedBy esx-03"]);
        map.Deeper.ShouldBeFalse();
        map.Truncated.ShouldBeFalse();
    }

    [Fact]
    public void ForService_DepthLimit_StopsThereAndSaysMoreLiesBeyond()
    {
        var estate = new MapEstate().Delivers("crm", "CRM").Rel("crm", DependsOn, "crm-db").Rel("crm-db", RunsOn, "vm-17");

        var map = estate.ForService("CRM", maxDepth: 2);

        estate.Depths(map).ShouldBe([("CRM", 0), ("crm", 1), ("crm-db", 2)]);
        estate.Edges(map).ShouldNotContain(e => e.Contains("vm-17"));
        map.Deeper.ShouldBeTrue();
    }

    [Fact]
    public void ForService_Cycle_EachCiOnceAtItsShortestDepthAndTheBackEdgeDrawn()
    {
        var estate = new MapEstate().Delivers("crm", "CRM").Delivers("crm-db", "CRM")
            .Rel("crm", DependsOn, "web").Rel("web", DependsOn, "crm")
            .Rel("crm", DependsOn, "crm-db");

        var map = estate.ForService("CRM", maxDepth: 6);

        estate.Depths(map).ShouldBe([("CRM", 0), ("crm", 1), ("crm-db", 1), ("web", 2)]);
        estate.Edges(map).ShouldBe(["CRM -> crm", "CRM -> crm-db", "crm DependsOn web", "crm DependsOn crm-db", "web DependsOn crm"], ignoreOrder: true);
        map.Deeper.ShouldBeFalse();
    }

    [Fact]
    public void ForService_MoreCisThanTheCap_KeepsTheCapWrapsRowsAndSaysTruncated()
    {
        var estate = new MapEstate();
        for (var i = 0; i < 200; i++)
        {
            estate.Delivers($"laptop-{i:000}", "Workplace").Rel($"laptop-{i:000}", ConnectsTo, "switch");
        }

        var map = estate.ForService("Workplace", maxDepth: 3, maxNodes: 150, maxChildren: 500);

        map.Nodes.Count.ShouldBe(150);
        map.Truncated.ShouldBeTrue();
        map.Nodes.ShouldNotContain(n => estate.Name(n.Id) == "switch");
        var drawn = map.Nodes.Select(n => n.Id).ToHashSet();
        map.Edges.ShouldAllBe(e => drawn.Contains(e.FromId) && drawn.Contains(e.ToId));
        map.Nodes.GroupBy(n => n.Y).Max(row => row.Count()).ShouldBe(ServiceMapLayout.MaxPerRow);
        map.Width.ShouldBeLessThan(ServiceMapLayout.MaxPerRow * (ServiceMapLayout.NodeWidth + ServiceMapLayout.ColumnGap) + 2 * ServiceMapLayout.Margin);
        MapEstate.Overlapping(map).ShouldBeEmpty();
    }

    [Fact]
    public void ForService_ManyLeavesBesideOneStack_ShowsTheStackAndCountsTheLeavesLeftOut()
    {
        var estate = new MapEstate();
        for (var i = 0; i < 200; i++)
        {
            estate.Delivers($"laptop-{i:000}", "Workplace");
        }
        estate.Delivers("mdm", "Workplace").Rel("mdm", RunsOn, "vm").Rel("mdm", DependsOn, "identity").Rel("vm", HostedBy, "esx");

        var map = estate.ForService("Workplace", maxDepth: 4);

        map.Nodes.Count(n => n.Depth == 1).ShouldBe(ServiceMapLayout.DefaultMaxChildren);
        estate.Depths(map).ShouldContain(("mdm", 1));
        estate.Depths(map).ShouldContain(("esx", 3));
        map.Root.Hidden.ShouldBe(201 - ServiceMapLayout.DefaultMaxChildren);
        map.Nodes.Skip(1).ShouldAllBe(n => n.Hidden == 0);
        map.Truncated.ShouldBeTrue();
    }

    [Fact]
    public void ForService_SharedDependency_OrderedSoNoArrowsCross()
    {
        // Walk order puts "storage" before "backup" under app-a, so app-b's arrow to storage would cross app-a's to backup.
        var estate = new MapEstate().Delivers("app-a", "S").Delivers("app-b", "S")
            .Rel("app-a", DependsOn, "storage").Rel("app-a", DependsOn, "backup").Rel("app-b", DependsOn, "storage");

        var map = estate.ForService("S", maxDepth: 3);

        estate.X(map, "app-a").ShouldBeLessThan(estate.X(map, "app-b"));
        estate.X(map, "backup").ShouldBeLessThan(estate.X(map, "storage"));
        MapEstate.Crossings(map).ShouldBe(0);
    }

    [Fact]
    public void ForCi_MiddleOfAStack_ShowsOnlyWhatItNeeds()
    {
        var estate = new MapEstate().Delivers("crm", "CRM").Rel("crm", DependsOn, "crm-db").Rel("crm-db", RunsOn, "vm-17").Rel("vm-17", HostedBy, "esx-03");

        var map = ServiceMapLayout.ForCi(estate.Build(), estate.Id("crm-db"), maxDepth: 6);

        estate.Depths(map).ShouldBe([("crm-db", 0), ("vm-17", 1), ("esx-03", 2)]);
        map.Root.Kind.ShouldBe(MapNodeKind.Ci);
    }

    [Fact]
    public void ForService_AnyEstate_EachReachableCiOnceAtItsShortestDepthWithoutOverlaps()
    {
        var estates =
            from nodes in Gen.Choose(1, 30)
            from edges in Gen.ArrayOf(
                from source in Gen.Choose(0, nodes - 1)
                from target in Gen.Choose(0, nodes - 1)
                from type in Gen.Elements(Enum.GetValues<RelationshipType>())
                select (source, target, type))
            from linked in Gen.SubListOf(Enumerable.Range(0, nodes))
            from depth in Gen.Choose(1, 6)
            select (nodes, edges, linked, depth);
        Check.QuickThrowOnFailure(Prop.ForAll(estates.ToArbitrary(), e =>
        {
            var estate = new MapEstate();
            foreach (var ci in e.linked)
            {
                estate.Delivers($"c{ci}", "S");
            }
            foreach (var (source, target, type) in e.edges.Where(x => x.source != x.target))
            {
                estate.Rel($"c{source}", type, $"c{target}");
            }
            var map = estate.ForService("S", e.depth, maxChildren: 100);
            var expected = estate.Distances("S").Where(p => p.Value <= e.depth).ToDictionary();
            return map.Nodes.Count == expected.Count
                && map.Nodes.All(n => expected[estate.Name(n.Id)] == n.Depth)
                && MapEstate.Overlapping(map).Count == 0
                && map.Nodes.All(n => n.X > 0 && n.X < map.Width && n.Y > 0 && n.Y < map.Height);
        }));
    }

    /// <summary>An estate from readable names, and maps read back as names.</summary>
    private sealed class MapEstate
    {
        private readonly Dictionary<string, Guid> _ids = new(StringComparer.Ordinal);
        private readonly List<CiEdge> _edges = [];
        private readonly List<CiServiceLink> _links = [];

        public Guid Id(string name)
        {
            if (!_ids.TryGetValue(name, out var id))
            {
                id = new Guid(_ids.Count + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7);
                _ids[name] = id;
            }
            return id;
        }

        public string Name(Guid id) => _ids.Single(p => p.Value == id).Key;

        public MapEstate Rel(string from, RelationshipType type, string to)
        {
            _edges.Add(new CiEdge(Id(from), Id(to), type));
            return this;
        }

        public MapEstate Delivers(string ci, string service)
        {
            _links.Add(new CiServiceLink(Id(ci), Id(service)));
            return this;
        }

        public DependencyIndex Build() => DependencyIndex.Build(_edges, _links);

        public ServiceMap ForService(string service, int maxDepth, int maxNodes = ServiceMapLayout.DefaultMaxNodes, int maxChildren = ServiceMapLayout.DefaultMaxChildren) =>
            ServiceMapLayout.ForService(Build(), Id(service), maxDepth, maxNodes, maxChildren);

        public (string, int)[] Depths(ServiceMap map) => map.Nodes.Select(n => (Name(n.Id), n.Depth)).ToArray();

        public string[] Edges(ServiceMap map) => map.Edges
            .Select(e => e.Relationship is { } type ? $"{Name(e.FromId)} {type} {Name(e.ToId)}" : $"{Name(e.FromId)} -> {Name(e.ToId)}")
            .ToArray();

        public double X(ServiceMap map, string name) => map.Nodes.Single(n => n.Id == Id(name)).X;

        /// <summary>Shortest distances from the service by repeated relaxation: a slow, obviously right oracle.</summary>
        public Dictionary<string, int> Distances(string service)
        {
            var distance = new Dictionary<Guid, int> { [Id(service)] = 0 };
            foreach (var link in _links)
            {
                distance[link.CiId] = 1;
            }
            for (var round = 0; round < _ids.Count; round++)
            {
                foreach (var edge in _edges)
                {
                    if (distance.TryGetValue(edge.FromId, out var d) && (!distance.TryGetValue(edge.ToId, out var known) || known > d + 1))
                    {
                        distance[edge.ToId] = d + 1;
                    }
                }
            }
            return distance.ToDictionary(p => Name(p.Key), p => p.Value);
        }

        public static List<(MapNode, MapNode)> Overlapping(ServiceMap map) =>
            [.. from a in map.Nodes
                from b in map.Nodes
                where a.Id.CompareTo(b.Id) < 0
                    && Math.Abs(a.X - b.X) < ServiceMapLayout.NodeWidth && Math.Abs(a.Y - b.Y) < ServiceMapLayout.NodeHeight
                select (a, b)];

        /// <summary>Pairs of arrows between the same two adjacent layers whose ends lie in opposite orders.</summary>
        public static int Crossings(ServiceMap map)
        {
            var at = map.Nodes.ToDictionary(n => n.Id);
            var arrows = map.Edges.Select(e => (From: at[e.FromId], To: at[e.ToId])).Where(a => a.To.Depth == a.From.Depth + 1).ToList();
            return arrows.SelectMany((a, i) => arrows.Skip(i + 1)
                .Where(b => b.From.Depth == a.From.Depth && (a.From.X - b.From.X) * (a.To.X - b.To.X) < 0)).Count();
        }
    }
}
