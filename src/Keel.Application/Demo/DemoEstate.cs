using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;

namespace Keel.Application.Demo;

/// <summary>
/// The demo CMDB: an application stack per service (application, databases, middleware, virtual machines), shared
/// infrastructure (hypervisor hosts, storage, network, cloud, SaaS) and the laptop fleet — 2,000 CIs, with one
/// deliberate dependency cycle between two applications, as real estates have.
/// </summary>
internal static class DemoEstate
{
    public const int TotalCis = 2_000;

    public static void Build(DemoSeedContext context, ServicesSeed seed, IReadOnlyList<Service> services)
    {
        var random = context.Random;
        var core = new[] { seed.AddCi(context, "core-switch-fra-01", CiTypes.NetworkDevice, Attrs("Arista", "10.0.0.1")),
            seed.AddCi(context, "core-switch-ams-01", CiTypes.NetworkDevice, Attrs("Arista", "10.1.0.1")) };
        var firewall = seed.AddCi(context, "firewall-edge-01", CiTypes.NetworkDevice, Attrs("Fortinet", "10.0.0.254"));
        seed.Relate(context, firewall, RelationshipType.ConnectsTo, core[0]);
        var access = new List<ConfigurationItem>();
        for (var i = 1; i <= 36; i++)
        {
            var sw = seed.AddCi(context, $"access-switch-{i:000}", CiTypes.NetworkDevice, Attrs("HPE Aruba", $"10.{i % 2}.{i}.2"));
            seed.Relate(context, sw, RelationshipType.ConnectsTo, core[i % 2]);
            access.Add(sw);
        }
        var storage = new List<ConfigurationItem>();
        for (var i = 1; i <= 8; i++)
        {
            storage.Add(seed.AddCi(context, $"storage-array-{i:00}", CiTypes.Storage, Attrs("NetApp", $"10.{i % 2}.200.{i}")));
        }
        var hosts = new List<ConfigurationItem>();
        for (var i = 1; i <= 60; i++)
        {
            var host = seed.AddCi(context, $"esx-{(i % 2 == 0 ? "fra" : "ams")}-{i:000}", CiTypes.Server, Attrs("Dell", $"10.{i % 2}.100.{i}"));
            seed.Relate(context, host, RelationshipType.ConnectsTo, core[i % 2]);
            seed.Relate(context, host, RelationshipType.DependsOn, storage[i % storage.Count]);
            hosts.Add(host);
        }
        var cloud = new List<ConfigurationItem>();
        for (var i = 1; i <= 20; i++)
        {
            var resource = seed.AddCi(context, $"aks-cluster-{i:00}", CiTypes.CloudResource, Attrs("Azure", $"172.16.{i}.0"));
            seed.Relate(context, resource, RelationshipType.ConnectsTo, firewall);
            cloud.Add(resource);
        }
        var identity = seed.AddCi(context, "Entra ID tenant", CiTypes.SaaS, Attrs("Microsoft", "-"),
            services.FirstOrDefault(s => s.Name == "Identity & Sign-in") is { } idService ? [idService] : []);
        seed.Relate(context, identity, RelationshipType.ConnectsTo, firewall);

        var applications = new List<ConfigurationItem>();
        foreach (var service in services)
        {
            var slug = new string(service.Name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
            var app = seed.AddCi(context, service.Name, CiTypes.Application, Attrs("In-house", "-"), service);
            applications.Add(app);
            seed.Relate(context, app, RelationshipType.DependsOn, identity);
            var onCloud = random.Chance(0.3);
            for (var v = 1; v <= 4; v++)
            {
                var vm = seed.AddCi(context, $"vm-{slug}-{v:00}", CiTypes.VirtualMachine, Attrs("Ubuntu 24.04", $"10.20.{seed.Cis.Count % 250}.{v}"));
                seed.Relate(context, vm, RelationshipType.HostedBy, onCloud ? cloud[random.Next(cloud.Count)] : hosts[random.Next(hosts.Count)]);
                if (v <= 2)
                {
                    seed.Relate(context, app, RelationshipType.RunsOn, vm);
                }
                else
                {
                    var db = seed.AddCi(context, $"db-{slug}-{v - 2:00}", CiTypes.Database, Attrs("PostgreSQL 16", "-"), service);
                    seed.Relate(context, db, RelationshipType.RunsOn, vm);
                    seed.Relate(context, app, RelationshipType.DependsOn, db);
                }
            }
            var queue = seed.AddCi(context, $"mq-{slug}", CiTypes.Middleware, Attrs("RabbitMQ", "-"));
            seed.Relate(context, app, RelationshipType.DependsOn, queue);
            seed.Relate(context, queue, RelationshipType.RunsOn, seed.Cis[^2]);
        }
        // Real estates have cycles: the CRM and the website call each other.
        if (applications.Count > 12)
        {
            seed.Relate(context, applications[9], RelationshipType.DependsOn, applications[12]);
            seed.Relate(context, applications[12], RelationshipType.DependsOn, applications[9]);
        }

        var workplace = services.FirstOrDefault(s => s.Name == "Workplace Services");
        var models = new[] { "Latitude 7450", "ThinkPad T14", "EliteBook 840", "MacBook Pro 14" };
        for (var i = 1; seed.Cis.Count < TotalCis; i++)
        {
            var laptop = seed.AddCi(context, $"LT-{i:00000}", CiTypes.EndUserDevice,
                new(StringComparer.Ordinal) { ["model"] = models[random.Next(models.Length)], ["serial"] = $"SN{random.Next(90_000_000) + 10_000_000}" },
                workplace is null ? [] : [workplace]);
            seed.Relate(context, laptop, RelationshipType.ConnectsTo, access[random.Next(access.Count)]);
        }
    }

    private static Dictionary<string, string> Attrs(string vendor, string ip) =>
        new(StringComparer.Ordinal) { ["vendor"] = vendor, ["ip"] = ip };
}
