using Keel.Application.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Services;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// The changes a demo of change enablement needs whatever the seed's size, placed on purpose near now: two scheduled
/// changes on one database at overlapping times (an overlap conflict), one inside the product-launch freeze with its
/// justification (a freeze conflict), one waiting for the change manager and one (high risk) for the CAB, one being
/// assessed and one still a draft.
/// </summary>
internal sealed class ChangeShowcases(ChangePlanFactory factory, HistoryWorld world, IReadOnlyList<ChangeTemplate> templates)
{
    public const string FreezeOverride =
        "The security review's finding must be closed before the launch traffic arrives; the rule set was tested in pre-production and reloads in two minutes.";

    public List<ChangePlan> Plan()
    {
        var plans = new List<ChangePlan>();
        var now = world.Now;
        var services = factory.Services;
        if (services.TryGetValue("Reporting & Analytics", out var reporting) && factory.Cis(reporting, 3).FirstOrDefault(c => c.Type == "Database") is { } database
            && templates.FirstOrDefault(t => t.ServiceId == reporting.Id) is { } storage)
        {
            var grow = Make(ChangeType.Standard, reporting, storage, null, [database], ChangePlanFactory.Safe(), now.AddDays(-8), ChangePlanner.Local(now, 6, 19), 2);
            var update = Make(ChangeType.Normal, reporting, null, ChangeCatalog.Normal[6], [database], ChangePlanFactory.Safe(), now.AddDays(-8), ChangePlanner.Local(now, 6, 20), 3);
            plans.AddRange([grow, update]);
        }
        if (services.TryGetValue("Company Website", out var website))
        {
            var firewall = Make(ChangeType.Normal, website, null, ChangeCatalog.Normal[7], factory.Cis(website, 1), ChangePlanFactory.Safe(), now.AddDays(-9),
                ChangePlanner.Local(now, DemoChangeWindows.LaunchFromDay + 1, 21), 1);
            firewall.FreezeOverride = FreezeOverride;
            plans.Add(firewall);
        }
        if (services.TryGetValue("Intranet", out var intranet))
        {
            plans.Add(Make(ChangeType.Normal, intranet, null, ChangeCatalog.Normal[3], factory.Cis(intranet, 1), ChangePlanFactory.Safe(), now.AddDays(-5),
                ChangePlanner.Local(now, 9, 19), 2, WorkState.Authorize));
        }
        if (services.TryGetValue("ERP Purchasing", out var purchasing))
        {
            plans.Add(Make(ChangeType.Normal, purchasing, null, ChangeCatalog.Normal[0], factory.Cis(purchasing, 2), ChangePlanFactory.Risky(), now.AddDays(-4),
                ChangePlanner.Local(now, 10, 19), 4, WorkState.Authorize));
        }
        if (services.TryGetValue("Learning Platform", out var learning))
        {
            plans.Add(Make(ChangeType.Normal, learning, null, ChangeCatalog.Normal[5], factory.Cis(learning, 1), ChangePlanFactory.Safe(), now.AddDays(-3),
                ChangePlanner.Local(now, 18, 19), 2, WorkState.Assess));
        }
        if (services.TryGetValue("Recruiting", out var recruiting))
        {
            plans.Add(Make(ChangeType.Normal, recruiting, null, ChangeCatalog.Normal[1], factory.Cis(recruiting, 1), [], now.AddHours(-3),
                ChangePlanner.Local(now, 20, 19), 3, WorkState.Draft));
        }
        return plans;
    }

    private ChangePlan Make(ChangeType type, Service service, ChangeTemplate? template, ChangePhrase? phrase, IReadOnlyList<Domain.Services.Configuration.ConfigurationItem> cis,
        Dictionary<string, string> answers, DateTime raisedAround, DateTime plannedStart, int hours, WorkState? hold = null)
    {
        var workers = world.Workers[world.TeamOf(service)].Distinct().ToList();
        KeelUser requester = workers[0], assignee = workers.Count > 1 ? workers[1] : workers[0];
        var created = world.WorkingTime(requester.Id, raisedAround, new DemoRandom(DemoSeedContext.Seed + 4));
        var plan = factory.Plan(type, service, template, phrase, cis, requester, assignee, answers, created < world.Now ? created : raisedAround,
            TimeSpan.FromHours(hours), quick: true, hold: hold);
        plan.PlannedStart = plannedStart;
        return plan;
    }
}
