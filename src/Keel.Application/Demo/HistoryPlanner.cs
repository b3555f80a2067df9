using Keel.Application.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>One incident or request the history raises: when, against what, by whom, and how urgent it looked.</summary>
internal sealed class WorkPlan
{
    public required WorkKind Kind { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required Service Service { get; init; }
    public required KeelUser Requester { get; init; }
    public CatalogItem? CatalogItem { get; init; }
    public int Impact { get; init; } = 3;
    public int Urgency { get; init; } = 3;

    /// <summary>A major incident's parent: its children are raised while it runs and resolved with it.</summary>
    public bool IsMajor { get; init; }

    public WorkPlan? Parent { get; init; }
    public List<WorkPlan> Children { get; } = [];

    /// <summary>When a major incident is fixed (known up front, so its children are raised before).</summary>
    public DateTime? FixedAt { get; init; }

    /// <summary>What the incident is about (its title, category and usual fix), chosen when it is raised.</summary>
    public IncidentPhrase? Phrase { get; set; }

    public WorkItem? Item { get; set; }
}

/// <summary>
/// Decides what the twelve months held: about 70 % incidents and 30 % requests; busier services for more consumers
/// and higher criticality; working days with a morning peak in each requester's own time zone, quiet weekends, a
/// seasonal swing (busy winters, quiet August and Christmas) and slow growth; a few frequent callers; mostly P3/P4.
/// </summary>
internal sealed class HistoryPlanner(HistoryWorld world, DemoRandom random)
{
    public const double RequestShare = 0.3;
    public const int DaysOfHistory = 365;

    private static readonly double[] WeekdayHours =
        [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.4, 1.5, 5, 8, 8.5, 7.5, 5, 5.5, 6.5, 6, 5, 3.5, 2, 1.2, 0.8, 0.5, 0.3, 0.15];

    private static readonly double[] WeekendHours =
        [0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1, 1.5, 2, 2, 1.8, 1.6, 1.5, 1.5, 1.4, 1.2, 1, 0.8, 0.6, 0.5, 0.4, 0.3];

    private static readonly double[] ImpactShares = [0.05, 0.40, 0.55];
    private static readonly double[] UrgencyShares = [0.10, 0.45, 0.45];

    private readonly DateTime first = world.Now.Date.AddDays(-DaysOfHistory);
    private readonly Dictionary<Guid, double> personWeights = [];

    public List<WorkPlan> Plan(int count)
    {
        foreach (var person in world.People.Values.OrderBy(p => p.UserName, StringComparer.Ordinal))
        {
            // Most people call rarely, a few very often; the demo requesters have a history worth opening.
            personWeights[person.Id] = person.UserName is DemoAccounts.Requester or DemoAccounts.Requester2 ? 3 : 0.4 + (2.6 * Math.Pow(random.NextDouble(), 3));
        }
        var plans = new List<WorkPlan>(count + 64);
        if (count >= 500)
        {
            PlanMajors(plans, count);
        }
        var requests = (int)Math.Round(count * RequestShare);
        var incidents = Math.Max(0, count - requests - plans.Count);
        var days = Cumulative(Enumerable.Range(0, DaysOfHistory + 1).Select(d => DayWeight(first.AddDays(d))));
        var services = Cumulative(world.LiveServices.Select(IncidentWeight));
        var servicePools = world.LiveServices.ToDictionary(s => s.Id, s => Pool(p => ConsumesService(s, p)));
        for (var i = 0; i < incidents; i++)
        {
            var service = world.LiveServices[random.Weighted(services)];
            var requester = Pick(servicePools[service.Id]);
            plans.Add(new WorkPlan
            {
                Kind = WorkKind.Incident, Service = service, Requester = requester, CreatedAt = RaisedAt(requester, days),
                Impact = ImpactFor(service), Urgency = 1 + random.Weighted(Cumulative(UrgencyShares)),
            });
        }
        var items = world.LiveServices.SelectMany(s => world.CatalogItems.GetValueOrDefault(s.Id) ?? []).ToList();
        if (items.Count > 0)
        {
            var itemPools = items.ToDictionary(i => i.Id, i => Pool(p => Offering.IsOffered(world.LiveServices.First(s => s.Id == i.ServiceId), i, p.BusinessUnitId)));
            var itemWeights = Cumulative(items.Select(i => itemPools[i.Id].People.Count * ItemWeight(i)));
            for (var i = 0; i < requests; i++)
            {
                var item = items[random.Weighted(itemWeights)];
                var requester = Pick(itemPools[item.Id]);
                plans.Add(new WorkPlan
                {
                    Kind = WorkKind.Request, Service = world.LiveServices.First(s => s.Id == item.ServiceId), CatalogItem = item,
                    Requester = requester, CreatedAt = RaisedAt(requester, days),
                });
            }
        }
        // Creation order decides the numbers; ties keep the order of planning, so the result repeats.
        return [.. plans.Select((p, i) => (p, i)).OrderBy(x => x.p.CreatedAt).ThenBy(x => x.i).Select(x => x.p)];
    }

    /// <summary>Three major outages on the most used critical services, each followed by a burst of calls.</summary>
    private void PlanMajors(List<WorkPlan> plans, int count)
    {
        var targets = world.LiveServices.Where(s => s.Criticality == 1)
            .OrderByDescending(s => world.Consumers.GetValueOrDefault(s.Id)?.Count ?? 0).ThenBy(s => s.Name, StringComparer.Ordinal).Take(3).ToList();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var fractions = new[] { 0.22, 0.57, 0.86 };
        for (var m = 0; m < targets.Count; m++)
        {
            var service = targets[m];
            var day = first.AddDays((int)(DaysOfHistory * fractions[m]));
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }
            var pool = Pool(p => ConsumesService(service, p));
            var start = HistoryWorld.ToUtc(day.AddHours(9.5).AddMinutes(random.Next(90)), berlin);
            var parent = new WorkPlan
            {
                Kind = WorkKind.Incident, Service = service, Requester = Pick(pool), CreatedAt = start, Impact = 1, Urgency = 1, IsMajor = true,
                FixedAt = start + random.Between(TimeSpan.FromHours(2.5), TimeSpan.FromHours(5)),
            };
            plans.Add(parent);
            var children = Math.Clamp(count / 2_500, 4, 16) + random.Next(5);
            for (var c = 0; c < children; c++)
            {
                var child = new WorkPlan
                {
                    Kind = WorkKind.Incident, Service = service, Requester = Pick(pool), Parent = parent,
                    CreatedAt = start + TimeSpan.FromMinutes(10 + random.Next(100)), Impact = 2 + random.Next(2), Urgency = 1 + random.Next(2),
                };
                parent.Children.Add(child);
                plans.Add(child);
            }
        }
    }

    private sealed record PeoplePool(IReadOnlyList<KeelUser> People, IReadOnlyList<double> Cumulative);

    private PeoplePool Pool(Func<KeelUser, bool> belongs)
    {
        var people = world.People.Values.Where(p => p.IsActive && belongs(p)).OrderBy(p => p.UserName, StringComparer.Ordinal).ToList();
        if (people.Count == 0)
        {
            people = [.. world.People.Values.OrderBy(p => p.UserName, StringComparer.Ordinal)];
        }
        return new PeoplePool(people, Cumulative(people.Select(p => personWeights[p.Id])));
    }

    private KeelUser Pick(PeoplePool pool) => pool.People[random.Weighted(pool.Cumulative)];

    /// <summary>Business staff of the consuming units; a service for the whole company is IT's own too.</summary>
    private bool ConsumesService(Service service, KeelUser person)
    {
        var units = world.Consumers.GetValueOrDefault(service.Id);
        return units is null || units.Count >= world.UnitCount || (person.BusinessUnitId is { } unit && units.Contains(unit));
    }

    private double IncidentWeight(Service service)
    {
        var consumers = world.People.Values.Count(p => ConsumesService(service, p));
        var criticality = service.Criticality switch { 1 => 1.5, 2 => 1.1, 3 => 0.7, _ => 0.45 };
        // Devices break and passwords expire: the workplace and sign-in services take the most calls.
        var kind = world.TeamNameOf(service) switch { "Workplace" => 2.2, "Identity & Access" => 1.3, _ => 1.0 };
        return consumers * criticality * kind;
    }

    private static double ItemWeight(CatalogItem item) => item.Approval switch
    {
        ApprovalNeed.RequesterManager => 1.0,
        ApprovalNeed.None => 0.35,
        _ => 0.25,
    };

    /// <summary>Critical services hurt more people when they fail: a higher impact is likelier there.</summary>
    private int ImpactFor(Service service)
    {
        var shift = (service.Criticality - 2) * 0.015;
        double[] shares = [Math.Max(0.01, ImpactShares[0] - shift), Math.Max(0.1, ImpactShares[1] - (shift * 4)), ImpactShares[2]];
        return 1 + random.Weighted(Cumulative(shares));
    }

    private double DayWeight(DateTime day)
    {
        var week = day.DayOfWeek switch
        {
            DayOfWeek.Monday => 1.15, DayOfWeek.Tuesday => 1.05, DayOfWeek.Friday => 0.85, DayOfWeek.Saturday => 0.12, DayOfWeek.Sunday => 0.08, _ => 1.0,
        };
        var season = 1 + (0.12 * Math.Cos(2 * Math.PI * (day.DayOfYear - 20) / 365.0));
        var holidays = (day.Month, day.Day) switch
        {
            (8, _) => 0.8,
            (12, >= 22) or (1, <= 2) => 0.4,
            _ => 1.0,
        };
        var growth = 0.9 + (0.2 * (day - first).TotalDays / DaysOfHistory);
        return week * season * holidays * growth;
    }

    /// <summary>A moment on a drawn day, at an hour drawn in the requester's own time zone; never after now.</summary>
    private DateTime RaisedAt(KeelUser requester, IReadOnlyList<double> days)
    {
        var zone = world.ZoneOf(requester.Id);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var day = first.AddDays(random.Weighted(days));
            var hours = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? WeekendHours : WeekdayHours;
            var local = day.AddHours(random.Weighted(Cumulative(hours))).AddSeconds(random.Next(3600));
            var at = HistoryWorld.ToUtc(local, zone);
            if (at < world.Now.AddMinutes(-5) && at > first)
            {
                return at;
            }
        }
        return world.Now.AddHours(-1 - random.Next(48));
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = weights.ToArray();
        for (var i = 1; i < list.Length; i++)
        {
            list[i] += list[i - 1];
        }
        return list;
    }
}
