using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// A year of changes (demo profile only), one for every <see cref="WorkItemsPerChange"/> work items of the history
/// (about 2,000 at the default 40,000; at least <see cref="MinChanges"/>, at most <see cref="MaxChanges"/>): 55 % standard
/// changes from the pre-approved templates, 38 % normal, 7 % emergency; the old ones closed after review with about one
/// in fifteen failed or backed out (and linked to the incidents that followed), the recent ones on their way through
/// assessment and authorization, scheduled on the calendar of the next weeks. The change windows come first: weekly
/// maintenance windows of the most critical systems, the year-end freeze and a freeze for a product launch. A few
/// showcases (<see cref="ChangeShowcases"/>) make sure the calendar has its conflicts and the CAB its pending decisions
/// at any size. Stored in bulk like the work history.
/// </summary>
internal sealed class ChangesStep : IDemoSeedStep
{
    public const int WorkItemsPerChange = 20;
    public const int MinChanges = 30;
    public const int MaxChanges = 5000;

    /// <summary>The teams whose changes fail more often, so the per-team success rates differ.</summary>
    public static readonly IReadOnlyList<string> StrugglingTeams = ["CRM Applications", "Software Engineering"];

    public string Name => "changes";

    public static int ChangesFor(int workItems) => workItems == 0 ? 0 : Math.Clamp(workItems / WorkItemsPerChange, MinChanges, MaxChanges);

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (context.WorkItems == 0)
        {
            return;
        }
        var db = context.Db;
        var world = new HistoryWorld(context);
        var organization = context.Organization!;
        var services = context.Services!.Services;
        var byName = services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        // Its own sequence: the changes do not reshuffle what the history and the organization drew.
        var random = new DemoRandom(DemoSeedContext.Seed + 3);

        var templates = ChangeCatalog.Templates.Where(t => byName.ContainsKey(t.Service)).Select(t => (Definition: t, Entity: new ChangeTemplate
        {
            Id = context.Ids.NextGuid(), Name = t.Name, Description = t.Description, ServiceId = byName[t.Service].Id,
            ImplementationPlan = t.ImplementationPlan, BackoutPlan = t.BackoutPlan, TestPlan = t.TestPlan,
        })).ToList();
        var windows = DemoChangeWindows.Create(context, world, byName);
        db.AddRange(templates.Select(t => t.Entity));
        db.AddRange(windows);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        // The estate and the history are in memory already: reading them back would cost seconds.
        var estate = context.Services!;
        var graph = ImpactGraph.Build(estate.Relationships.Select(r => new CiEdge(r.FromId, r.ToId, r.Type)),
            estate.Cis.SelectMany(c => c.ServiceIds.Select(s => new CiServiceLink(c.Id, s))),
            estate.Consumers.Select(c => new ServiceConsumption(c.ServiceId, c.BusinessUnitId)));
        var incidentsByService = (context.HistoryItems ?? [])
            .Where(w => w.Kind == WorkKind.Incident && w.ParentId == null && w.DuplicateOfId == null)
            .Select(w => new IncidentRef(w.Id, w.ServiceId, w.ConfigurationItemId, w.CreatedAt))
            .GroupBy(i => i.ServiceId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).ToArray());
        var planner = new ChangePlanner(windows, random);
        var factory = new ChangePlanFactory(world, random, context.Ids, graph, templates, byName);
        var showcases = new ChangeShowcases(factory, world, [.. templates.Select(t => t.Entity)]).Plan();
        showcases.ForEach(planner.Book);
        var plans = factory.Random(ChangesFor(context.WorkItems) - showcases.Count, planner);
        plans.AddRange(showcases);
        plans = [.. plans.OrderBy(p => p.CreatedAt)];

        var history = new ChangeHistory();
        var authorities = new ChangeAuthorities(Holders(organization, Roles.ChangeManager), Holders(organization, Roles.CabMember),
            Holders(organization, Roles.ChangeManager, Roles.CabMember));
        var struggling = organization.Teams.Where(t => StrugglingTeams.Contains(t.Name)).Select(t => t.Id).ToHashSet();
        var life = new ChangeLife(world, random, context.Ids, history, authorities, services.ToDictionary(s => s.Id, s => s.Criticality), incidentsByService, struggling);
        if (plans.Count > 0)
        {
            var first = await WorkNumbers.ReserveAsync(db, WorkKind.Change, plans.Count, ct);
            for (var i = 0; i < plans.Count; i++)
            {
                life.Live(plans[i], WorkNumber.Format(WorkKind.Change, first + i));
            }
        }
        await WriteAsync(db, history, ct);

        context.Count("change templates", templates.Count);
        context.Count("change windows", windows.Count);
        context.Count("changes", history.Items.Count);
        context.Count("change approvals", history.Approvals.Count);
        context.Count("incidents caused by changes", history.Links.Count);
    }

    /// <summary>The people ChangeTransitions asks for a role, in its order (user name).</summary>
    private static List<Guid> Holders(DemoOrganization organization, params string[] roles) =>
    [
        .. roles.SelectMany(organization.InRole).Where(p => p.IsActive).DistinctBy(p => p.Id)
            .OrderBy(p => p.UserName, StringComparer.Ordinal).Select(p => p.Id),
    ];

    private static async Task WriteAsync(KeelDb db, ChangeHistory history, CancellationToken ct)
    {
        await using var cache = await BulkInsert.LargeCacheAsync(db, ct);
        // No change existed before this step: the full-text index takes exactly the changes in one statement.
        await BulkInsert.InsertWorkItemsAsync(db, history.Items, WorkKind.Change, ct);
        await BulkInsert.InsertAsync(db, history.Items.SelectMany(i => i.Events), ct);
        await BulkInsert.InsertAsync(db, history.Records, ct);
        await BulkInsert.InsertAsync(db, history.Targets, ct);
        await BulkInsert.InsertAsync(db, history.Approvals, ct);
        await BulkInsert.InsertAsync(db, history.Links, ct);
    }
}

/// <summary>Builds change plans: random ones over the year, or the showcases' given ones, with targets from impact analysis.</summary>
internal sealed class ChangePlanFactory(
    HistoryWorld world, DemoRandom random, DemoRandom ids, ImpactGraph graph,
    IReadOnlyList<(DemoTemplate Definition, ChangeTemplate Entity)> templates, IReadOnlyDictionary<string, Service> byName)
{
    private readonly Dictionary<Guid, Guid[]> impactOf = [];
    private readonly double[] templateWeights = Cumulative(templates.Select(t => t.Definition.Weight));

    public IReadOnlyDictionary<string, Service> Services => byName;

    /// <summary><paramref name="count"/> changes raised at random times over the last year, in creation order, each scheduled.</summary>
    public List<ChangePlan> Random(int count, ChangePlanner planner)
    {
        var year = TimeSpan.FromDays(365);
        var times = Enumerable.Range(0, Math.Max(0, count)).Select(_ => world.Now - year + ((year - TimeSpan.FromHours(1)) * random.NextDouble())).Order().ToList();
        var plans = new List<ChangePlan>(times.Count);
        foreach (var at in times)
        {
            var roll = random.NextDouble();
            var type = roll < 0.55 && templates.Count > 0 ? ChangeType.Standard : roll < 0.93 ? ChangeType.Normal : ChangeType.Emergency;
            var template = type == ChangeType.Standard ? templates[random.Weighted(templateWeights)] : default;
            var service = template.Entity is { } t ? byName.Values.First(s => s.Id == t.ServiceId) : world.LiveServices[random.Next(world.LiveServices.Count)];
            var workers = world.Workers[world.TeamOf(service)];
            var requester = workers[random.Next(workers.Count)];
            var assignee = random.Chance(0.7) ? workers[random.Next(workers.Count)] : requester;
            var created = type == ChangeType.Emergency ? at : world.WorkingTime(requester.Id, at, random);
            var phrase = type == ChangeType.Emergency ? ChangeCatalog.Emergency[random.Next(ChangeCatalog.Emergency.Count)]
                : type == ChangeType.Normal ? ChangeCatalog.Normal[random.Next(ChangeCatalog.Normal.Count)] : null;
            var plan = Plan(type, service, template.Entity, phrase, Cis(service, type == ChangeType.Normal && random.Chance(0.3) ? 2 + random.Next(2) : 1),
                requester, assignee, Answers(type), created > world.Now ? at : created, Duration(type));
            var lead = type switch
            {
                ChangeType.Standard => random.Between(TimeSpan.FromHours(2), TimeSpan.FromDays(7)),
                ChangeType.Normal => random.Between(TimeSpan.FromDays(7), TimeSpan.FromDays(28)),
                _ => random.Between(TimeSpan.FromHours(3), TimeSpan.FromHours(8)),
            };
            planner.Schedule(plan, plan.CreatedAt + lead, outOfHours: template.Definition?.OutOfHours ?? true);
            plans.Add(plan);
        }
        return plans;
    }

    /// <summary>A plan with its targets: its CIs, its service, and the services impact analysis finds behind the CIs.</summary>
    public ChangePlan Plan(ChangeType type, Service service, ChangeTemplate? template, ChangePhrase? phrase, IReadOnlyList<ConfigurationItem> cis,
        KeelUser requester, KeelUser assignee, Dictionary<string, string> answers, DateTime created, TimeSpan duration,
        bool quick = false, WorkState? hold = null)
    {
        var plan = new ChangePlan
        {
            Id = ids.NextGuid(), Type = type, Service = service, Template = template,
            Title = template?.Name ?? string.Format(System.Globalization.CultureInfo.InvariantCulture, phrase!.Title, service.Name),
            Reason = template is null ? phrase!.Reason : $"Requested through the standard change '{template.Name}'.",
            ImplementationPlan = template?.ImplementationPlan ?? phrase!.ImplementationPlan, BackoutPlan = template?.BackoutPlan ?? phrase!.BackoutPlan,
            TestPlan = template?.TestPlan ?? phrase!.TestPlan, Cis = cis, Requester = requester, Assignee = assignee, Answers = answers,
            CreatedAt = created, Duration = duration, Quick = quick, Hold = hold,
        };
        plan.Targets.AddRange(cis.Select(ci => new ChangeTarget { Id = ids.NextGuid(), ConfigurationItemId = ci.Id }));
        plan.Targets.Add(new ChangeTarget { Id = ids.NextGuid(), ServiceId = service.Id });
        foreach (var impacted in cis.SelectMany(ci => Impact(ci.Id)).Distinct().Where(s => s != service.Id))
        {
            plan.Targets.Add(new ChangeTarget { Id = ids.NextGuid(), ServiceId = impacted, FromImpact = true });
        }
        return plan;
    }

    /// <summary>The service's CIs a change touches (never a laptop: those change by standard rollouts, not one by one).</summary>
    public List<ConfigurationItem> Cis(Service service, int count)
    {
        var candidates = world.Cis.GetValueOrDefault(service.Id)?.Where(c => c.Type != CiTypes.EndUserDevice).ToList() ?? [];
        var picked = new List<ConfigurationItem>();
        while (picked.Count < Math.Min(count, candidates.Count))
        {
            var ci = candidates[random.Next(candidates.Count)];
            if (!picked.Contains(ci))
            {
                picked.Add(ci);
            }
        }
        return picked;
    }

    /// <summary>The questionnaire as the requester answers it: standard changes are routine, emergencies rushed.</summary>
    public Dictionary<string, string> Answers(ChangeType type)
    {
        string Pick(params (string Answer, double Weight)[] options)
        {
            var roll = random.NextDouble() * options.Sum(o => o.Weight);
            foreach (var (answer, weight) in options)
            {
                if ((roll -= weight) < 0)
                {
                    return answer;
                }
            }
            return options[^1].Answer;
        }
        return type switch
        {
            ChangeType.Standard => Safe(),
            ChangeType.Normal => new(StringComparer.Ordinal)
            {
                ["testedPreProduction"] = Pick(("yes", 6), ("partly", 3), ("no", 1)), ["backoutTested"] = Pick(("yes", 7), ("no", 3)),
                ["userOutage"] = Pick(("none", 5), ("partial", 4), ("full", 1)), ["doneBefore"] = Pick(("yes", 5), ("no", 5)),
            },
            _ => new(StringComparer.Ordinal)
            {
                ["testedPreProduction"] = Pick(("yes", 2), ("partly", 4), ("no", 4)), ["backoutTested"] = Pick(("yes", 4), ("no", 6)),
                ["userOutage"] = Pick(("none", 1), ("partial", 6), ("full", 3)), ["doneBefore"] = Pick(("yes", 3), ("no", 7)),
            },
        };
    }

    public static Dictionary<string, string> Safe() => new(StringComparer.Ordinal)
    {
        ["testedPreProduction"] = "yes", ["backoutTested"] = "yes", ["userOutage"] = "none", ["doneBefore"] = "yes",
    };

    public static Dictionary<string, string> Risky() => new(StringComparer.Ordinal)
    {
        ["testedPreProduction"] = "no", ["backoutTested"] = "no", ["userOutage"] = "full", ["doneBefore"] = "no",
    };

    public TimeSpan Duration(ChangeType type) => type switch
    {
        ChangeType.Standard => random.Between(TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)),
        ChangeType.Normal => random.Between(TimeSpan.FromHours(1), TimeSpan.FromHours(4)),
        _ => random.Between(TimeSpan.FromMinutes(30), TimeSpan.FromHours(3)),
    } is var d ? TimeSpan.FromMinutes(Math.Ceiling(d.TotalMinutes / 15) * 15) : default;

    private Guid[] Impact(Guid ciId)
    {
        if (!impactOf.TryGetValue(ciId, out var services))
        {
            impactOf[ciId] = services = [.. ImpactAnalyzer.Analyze(graph, ciId).Services.Select(s => s.ServiceId).Distinct()];
        }
        return services;
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var total = 0.0;
        return [.. weights.Select(w => total += w)];
    }
}
