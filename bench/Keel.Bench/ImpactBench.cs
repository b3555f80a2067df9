using System.Diagnostics;
using System.Globalization;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;

namespace Keel.Bench;

/// <summary>
/// Impact analysis at scale: 50,000 CIs and 200,000 relationships generated from a fixed seed, the analysis
/// run for many CIs, and the median and 95th percentile per analysis. The baseline is a plain breadth-first
/// walk over the same adjacency that only counts what it reaches (no paths, no services), measured in the
/// same run, so the ratio says what paths, services and business units cost on top of the walk itself.
/// Two estates: "layered" (network → hosts → VMs → databases → applications, as a CMDB looks) and
/// "random" (relationships between any two CIs: the worst case, where most failures reach most of the estate).
/// </summary>
internal static class ImpactBench
{
    public static int Run(string[] args)
    {
        var cis = IntOption(args, "--cis", 50_000);
        var relationships = IntOption(args, "--relationships", 200_000);
        var samples = IntOption(args, "--samples", 400);
        Console.WriteLine($"impact analysis: {cis:N0} CIs, {relationships:N0} relationships, {samples} failed CIs per estate");
        foreach (var (name, estate) in new[] { ("layered", Layered(cis, relationships)), ("random", Random(cis, relationships)) })
        {
            Measure(name, estate, samples);
        }
        return 0;
    }

    private static void Measure(string name, Estate estate, int samples)
    {
        var build = Stopwatch.StartNew();
        var graph = ImpactGraph.Build(estate.Edges, estate.Links, estate.Consumers);
        build.Stop();
        var rng = new Random(7);
        var failed = Enumerable.Range(0, samples).Select(_ => estate.CiIds[rng.Next(estate.CiIds.Length)]).ToArray();
        // Warm up both code paths so the JIT's tiers are not part of the figures.
        foreach (var ci in failed.Take(30))
        {
            ImpactAnalyzer.Analyze(graph, ci);
            Baseline(graph, ci);
        }
        var analysis = new double[samples];
        var baseline = new double[samples];
        var affected = new int[samples];
        for (var i = 0; i < samples; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var report = ImpactAnalyzer.Analyze(graph, failed[i]);
            analysis[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            affected[i] = report.ConfigurationItems.Count;
            t = Stopwatch.GetTimestamp();
            var reached = Baseline(graph, failed[i]);
            baseline[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            if (reached != affected[i] + 1)
            {
                throw new InvalidOperationException($"baseline reached {reached} CIs, analysis {affected[i] + 1}");
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-8} build {build.Elapsed.TotalMilliseconds:F0} ms | affected CIs median {Percentile(affected, 0.5):N0}, p95 {Percentile(affected, 0.95):N0} | " +
            $"analysis median {Percentile(analysis, 0.5):F2} ms, p95 {Percentile(analysis, 0.95):F2} ms | " +
            $"plain BFS median {Percentile(baseline, 0.5):F2} ms, p95 {Percentile(baseline, 0.95):F2} ms | " +
            $"ratio median {Percentile(analysis, 0.5) / Math.Max(Percentile(baseline, 0.5), 1e-6):F1}x, p95 {Percentile(analysis, 0.95) / Math.Max(Percentile(baseline, 0.95), 1e-6):F1}x"));
    }

    private static bool[] _seen = [];
    private static int[] _queue = [];

    /// <summary>Breadth-first over the same adjacency with buffers kept between calls, counting the CIs reached: the least any analysis must do.</summary>
    private static int Baseline(ImpactGraph graph, Guid failedCiId)
    {
        if (!graph.TryGetNode(failedCiId, out var start))
        {
            return 1;
        }
        if (_seen.Length != graph.NodeCount)
        {
            _seen = new bool[graph.NodeCount];
            _queue = new int[graph.NodeCount];
        }
        var seen = _seen;
        var queue = _queue;
        Array.Clear(seen);
        seen[start] = true;
        queue[0] = start;
        int head = 0, tail = 1;
        while (head < tail)
        {
            foreach (var next in graph.DirectlyAffected(queue[head++]))
            {
                if (!seen[next])
                {
                    seen[next] = true;
                    queue[tail++] = next;
                }
            }
        }
        return tail;
    }

    private sealed record Estate(Guid[] CiIds, List<CiEdge> Edges, List<CiServiceLink> Links, List<ServiceConsumption> Consumers);

    /// <summary>
    /// Network devices (2%), hosts (8%), VMs (30%), databases (10%), applications (40%), cloud/SaaS (10%).
    /// Hosts connect to switches, VMs are hosted by hosts, databases run on VMs, applications run on VMs and
    /// depend on databases, cloud resources and a few other applications (mostly older ones, sometimes newer:
    /// cycles exist, as in real estates). Every 10th application delivers one of 250 services, each consumed
    /// by 1–4 of 20 business units.
    /// </summary>
    private static Estate Layered(int cis, int relationships)
    {
        var rng = new Random(42);
        var ids = Ids(cis, 1);
        int network = cis / 50, hosts = cis * 8 / 100, vms = cis * 30 / 100, dbs = cis / 10, apps = cis * 40 / 100;
        var cloud = cis - network - hosts - vms - dbs - apps;
        var n0 = 0;
        var h0 = n0 + network;
        var v0 = h0 + hosts;
        var d0 = v0 + vms;
        var a0 = d0 + dbs;
        var c0 = a0 + apps;
        var edges = new List<CiEdge>(relationships);
        void Add(int from, int to, RelationshipType type) => edges.Add(new CiEdge(ids[from], ids[to], type));
        int Pick(int start, int count) => start + rng.Next(count);

        for (var i = 1; i < network; i++)
        {
            Add(n0 + i, n0 + rng.Next(Math.Min(i, 20)), RelationshipType.ConnectsTo); // uplink towards a core switch
        }
        for (var i = 0; i < hosts; i++)
        {
            Add(h0 + i, Pick(n0, network), RelationshipType.ConnectsTo);
            Add(h0 + i, Pick(n0, network), RelationshipType.ConnectsTo);
        }
        for (var i = 0; i < vms; i++)
        {
            Add(v0 + i, Pick(h0, hosts), RelationshipType.HostedBy);
        }
        for (var i = 0; i < dbs; i++)
        {
            Add(d0 + i, Pick(v0, vms), RelationshipType.RunsOn);
        }
        for (var i = 0; i < apps; i++)
        {
            Add(a0 + i, Pick(v0, vms), RelationshipType.RunsOn);
            Add(a0 + i, Pick(d0, dbs), RelationshipType.DependsOn);
        }
        while (edges.Count < relationships)
        {
            var app = rng.Next(apps);
            switch (rng.Next(10))
            {
                case < 5:
                    Add(a0 + app, Pick(c0, cloud), RelationshipType.DependsOn);
                    break;
                case < 8:
                    Add(a0 + app, Pick(d0, dbs), RelationshipType.DependsOn);
                    break;
                default:
                    // Another application, nearly always an older one; now and then a newer one, closing cycles.
                    var other = rng.Next(50) == 0 ? rng.Next(apps) : Math.Max(0, app - 1 - rng.Next(Math.Max(1, app / 2 + 1)));
                    Add(a0 + app, a0 + other, RelationshipType.DependsOn);
                    break;
            }
        }
        return Finish(ids, edges, a0, apps, rng);
    }

    /// <summary>Relationships between any two CIs, of any type: no structure to help the walk.</summary>
    private static Estate Random(int cis, int relationships)
    {
        var rng = new Random(43);
        var ids = Ids(cis, 2);
        var types = Enum.GetValues<RelationshipType>();
        var edges = new List<CiEdge>(relationships);
        while (edges.Count < relationships)
        {
            edges.Add(new CiEdge(ids[rng.Next(cis)], ids[rng.Next(cis)], types[rng.Next(types.Length)]));
        }
        return Finish(ids, edges, 0, cis, rng);
    }

    private static Estate Finish(Guid[] ids, List<CiEdge> edges, int firstApp, int apps, Random rng)
    {
        var services = Ids(250, 3);
        var units = Ids(20, 4);
        var links = new List<CiServiceLink>();
        for (var i = 0; i < apps; i += 10)
        {
            links.Add(new CiServiceLink(ids[firstApp + i], services[rng.Next(services.Length)]));
        }
        var consumers = new List<ServiceConsumption>();
        foreach (var service in services)
        {
            foreach (var unit in units.OrderBy(_ => rng.Next()).Take(1 + rng.Next(4)))
            {
                consumers.Add(new ServiceConsumption(service, unit));
            }
        }
        return new Estate(ids, edges, links, consumers);
    }

    private static Guid[] Ids(int count, byte kind) =>
        Enumerable.Range(0, count).Select(i => new Guid(i, 0, 0, kind, 0, 0, 0, 0, 0, 0, 0)).ToArray();

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static int Percentile(int[] values, double p) =>
        (int)Percentile(values.Select(v => (double)v).ToArray(), p);

    internal static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
