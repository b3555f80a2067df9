using FsCheck;
using FsCheck.Fluent;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;

namespace Keel.Domain.Tests.Services;

/// <summary>The analyzer against a slow, obviously right oracle: distances by repeated relaxation over the edge list.</summary>
public sealed class ImpactAnalyzerPropertyTests
{
    private sealed record RandomCmdb(int Nodes, (int From, int To, RelationshipType Type)[] Edges, int Failed, int? MaxDepth)
    {
        public static Guid Ci(int n) => new(n + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);

        public static Guid Service(int n) => new(n + 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);

        public ImpactGraph Graph() => ImpactGraph.Build(
            Edges.Select(e => new CiEdge(Ci(e.From), Ci(e.To), e.Type)),
            Enumerable.Range(0, Nodes).Where(n => n % 3 == 0).Select(n => new CiServiceLink(Ci(n), Service(n / 3))),
            []);

        /// <summary>The number of relationships between the failed CI and each CI, or null when it is not reached.</summary>
        public int?[] Distances()
        {
            var distance = new int?[Nodes];
            distance[Failed] = 0;
            for (var round = 0; round < Nodes; round++)
            {
                foreach (var (from, to, _) in Edges)
                {
                    if (distance[to] is { } d && (distance[from] is null || distance[from] > d + 1))
                    {
                        distance[from] = d + 1;
                    }
                }
            }
            return distance;
        }

        public override string ToString() =>
            $"nodes={Nodes} failed={Failed} maxDepth={MaxDepth} edges=[{string.Join(", ", Edges.Select(e => $"{e.From}->{e.To}"))}]";
    }

    private static readonly Gen<RandomCmdb> Cmdbs =
        from nodes in Gen.Choose(1, 14)
        from edges in Gen.ArrayOf(
            from source in Gen.Choose(0, nodes - 1)
            from target in Gen.Choose(0, nodes - 1)
            from type in Gen.Elements(Enum.GetValues<RelationshipType>())
            select (source, target, type))
        from failed in Gen.Choose(0, nodes - 1)
        from maxDepth in Gen.Frequency((2, Gen.Constant<int?>(null)), (1, Gen.Choose(0, 4).Select(d => (int?)d)))
        select new RandomCmdb(nodes, edges, failed, maxDepth);

    [Fact]
    public void Analyze_AnyGraph_AffectsExactlyTheCisWithinReachAtTheirShortestDistance()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Cmdbs.ToArbitrary(), cmdb =>
        {
            var report = ImpactAnalyzer.Analyze(cmdb.Graph(), RandomCmdb.Ci(cmdb.Failed), cmdb.MaxDepth);
            var distance = cmdb.Distances();
            var limit = cmdb.MaxDepth ?? int.MaxValue;
            var expected = Enumerable.Range(0, cmdb.Nodes)
                .Where(n => n != cmdb.Failed && distance[n] is { } d && d <= limit)
                .Select(RandomCmdb.Ci)
                .ToHashSet();
            return report.ConfigurationItems.Select(c => c.CiId).ToHashSet().SetEquals(expected)
                && report.ConfigurationItems.Count == expected.Count
                && report.ConfigurationItems.All(c => c.Depth == distance[IndexOf(c.CiId)]);
        }));
    }

    [Fact]
    public void Analyze_AnyGraph_EveryPathStepIsARealRelationshipFromTheFailedCi()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Cmdbs.ToArbitrary(), cmdb =>
        {
            var report = ImpactAnalyzer.Analyze(cmdb.Graph(), RandomCmdb.Ci(cmdb.Failed), cmdb.MaxDepth);
            var edges = cmdb.Edges.Select(e => (RandomCmdb.Ci(e.From), RandomCmdb.Ci(e.To), e.Type)).ToHashSet();
            return report.ConfigurationItems.All(c => report.PathTo(c.CiId) is { } path
                && path.CiIds[0] == RandomCmdb.Ci(cmdb.Failed)
                && path.CiIds[^1] == c.CiId
                && path.Depth == c.Depth
                && path.CiIds.Count == path.Via.Count + 1
                && path.CiIds.Distinct().Count() == path.CiIds.Count
                && Enumerable.Range(0, path.Via.Count).All(i => edges.Contains((path.CiIds[i + 1], path.CiIds[i], path.Via[i]))))
                && report.Services.All(s => s.Path.CiIds.SequenceEqual(report.PathTo(s.ViaCiId)!.CiIds)
                    && s.Path.Via.SequenceEqual(report.PathTo(s.ViaCiId)!.Via));
        }));
    }

    [Fact]
    public void Analyze_AnyGraph_TruncatedExactlyWhenACiLiesJustBeyondTheLimit()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Cmdbs.ToArbitrary(), cmdb =>
        {
            var report = ImpactAnalyzer.Analyze(cmdb.Graph(), RandomCmdb.Ci(cmdb.Failed), cmdb.MaxDepth);
            var beyond = cmdb.MaxDepth is { } limit && cmdb.Distances().Any(d => d == limit + 1);
            return report.Truncated == beyond;
        }));
    }

    [Fact]
    public void Analyze_AnyGraph_ListsServicesOfTheFailedAndAffectedCisOnce()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Cmdbs.ToArbitrary(), cmdb =>
        {
            var report = ImpactAnalyzer.Analyze(cmdb.Graph(), RandomCmdb.Ci(cmdb.Failed), cmdb.MaxDepth);
            var reached = report.ConfigurationItems.Select(c => IndexOf(c.CiId)).Append(cmdb.Failed);
            var expected = reached.Where(n => n % 3 == 0).Select(n => RandomCmdb.Service(n / 3)).ToHashSet();
            var services = report.Services.Select(s => s.ServiceId).ToList();
            return services.Count == expected.Count && expected.SetEquals(services)
                && report.Services.Zip(report.Services.Skip(1)).All(p => p.First.Path.Depth <= p.Second.Path.Depth);
        }));
    }

    private static int IndexOf(Guid ci)
    {
        Span<byte> bytes = stackalloc byte[16];
        ci.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) - 1;
    }
}
