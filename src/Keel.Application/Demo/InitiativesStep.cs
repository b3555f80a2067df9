using Keel.Application.Balance;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>
/// Initiatives of the demo year (demo profile only): seven projects across services at every status, the delivered
/// ones with benefits reviews, and a share of their services' changes, requests and fulfilment tasks during each
/// initiative's run linked to it and reclassified by the rules (so the balance shows Grow, Transform and Debt hours).
/// Written in bulk: one UPDATE per initiative and kind, not one per item.
/// </summary>
internal sealed class InitiativesStep : IDemoSeedStep
{
    private sealed record Plan(
        string Name, string Service, InvestmentCategory Category, InitiativeStatus Status, int StartDaysAgo, int EndDaysAgo,
        string Hypothesis, string Outcome, string Measure, double Expected, double? Realised, string Unit, int Effort);

    private static readonly Plan[] Plans =
    [
        new("Self-service laptop ordering", "Workplace Services", InvestmentCategory.Grow, InitiativeStatus.Reviewed, 365, 200,
            "People would rather order and track a laptop online than call the desk.", "Fewer calls about hardware orders", "Hardware calls per month", 150, 118, "calls", 420),
        new("ERP Purchasing to the cloud", "ERP Purchasing", InvestmentCategory.Transform, InitiativeStatus.InProgress, 270, 0,
            "Moving purchasing to the vendor's cloud frees the team from upgrades and gives buyers mobile approvals.", "Approvals on the road", "Purchase approvals within a day", 0.9, null, "share", 1600),
        new("Replace fax with secure mail", "Email & Calendar", InvestmentCategory.Debt, InitiativeStatus.Delivered, 260, 40,
            "Faxes are a security risk and the fax gateway is an old server nobody can patch; secure mail does the same job.", "No fax traffic", "Faxes per month", 0, null, "faxes", 260),
        new("Order tracking on the website", "Company Website", InvestmentCategory.Grow, InitiativeStatus.InProgress, 210, 0,
            "Customers who see their order status do not call customer service.", "Fewer where-is-my-order calls", "Order status calls per week", 400, null, "calls", 900),
        new("Company data platform", "Data Platform", InvestmentCategory.Transform, InitiativeStatus.Approved, 60, 0,
            "One place for the company's data lets sales and operations plan from the same numbers.", "Shared planning figures", "Reports built on the platform", 40, null, "reports", 2400),
        new("Remote access refresh", "Remote Access", InvestmentCategory.Debt, InitiativeStatus.Reviewed, 365, 250,
            "The VPN concentrators are out of support and drop sessions under load.", "Stable remote sessions", "Dropped sessions per week", 20, 35, "sessions", 380),
        new("Password reset chatbot", "Identity & Sign-in", InvestmentCategory.Grow, InitiativeStatus.Proposed, 10, 0,
            "Most password calls can be answered by a bot at any hour.", "Fewer password calls", "Password calls per month", 600, null, "calls", 300),
    ];

    public string Name => "initiatives";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (context.WorkItems == 0 || context.Services is null)
        {
            return;
        }
        var db = context.Db;
        var now = context.Now;
        var leader = context.Organization!.Person(DemoAccounts.Leader);
        var services = context.Services.Services.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var plans = Plans.Where(p => services.ContainsKey(p.Service)).ToList();
        var first = await WorkNumbers.ReserveAsync(db, Initiative.Counter, plans.Count, ct);
        var initiatives = new List<(Initiative Initiative, Plan Plan)>();
        foreach (var (plan, index) in plans.Select((p, i) => (p, i)))
        {
            var service = services[plan.Service];
            var start = now.AddDays(-plan.StartDaysAgo);
            var delivered = plan.Status is InitiativeStatus.Delivered or InitiativeStatus.Reviewed ? now.AddDays(-plan.EndDaysAgo) : (DateTime?)null;
            var initiative = new Initiative
            {
                Id = context.Ids.NextGuid(), Number = Initiative.FormatNumber(first + index), Name = plan.Name, Description = plan.Hypothesis,
                ServiceId = service.Id, Category = plan.Category, ExpectedOutcome = plan.Outcome, Measure = plan.Measure, ExpectedValue = plan.Expected,
                Unit = plan.Unit, EffortEstimateHours = plan.Effort, Status = plan.Status,
                OwnerId = plan.Category == InvestmentCategory.Transform ? leader.Id : service.OwnerId,
                CreatedAt = start, UpdatedAt = delivered ?? start, DeliveredAt = delivered,
            };
            if (plan.Status == InitiativeStatus.Reviewed)
            {
                initiative.RealisedValue = plan.Realised;
                initiative.ReviewedAt = delivered!.Value.AddDays(30);
                initiative.ReviewedById = leader.Id;
                initiative.UpdatedAt = initiative.ReviewedAt.Value;
                // Both reviewed measures count something to reduce: above the target is short of it.
                initiative.ReviewNotes = plan.Realised > plan.Expected
                    ? "Fell short of the target: adoption was slower than planned; a second push is proposed."
                    : "Met the target; the measure is now reported monthly.";
            }
            initiatives.Add((initiative, plan));
        }
        db.AddRange(initiatives.Select(x => x.Initiative));
        await db.SaveChangesAsync(ct);
        var linked = 0;
        foreach (var (initiative, plan) in initiatives.Where(x => x.Plan.Status is not (InitiativeStatus.Proposed or InitiativeStatus.Cancelled)))
        {
            linked += await LinkAsync(context, initiative, now.AddDays(-plan.StartDaysAgo), now.AddDays(-plan.EndDaysAgo), ct);
        }
        context.Count("initiatives", initiatives.Count);
        context.Count("work items linked to initiatives", linked);
    }

    /// <summary>
    /// Links every other change and every third request (with its tasks) raised on the initiative's service during its
    /// run, and applies the rules: the initiative's category; tasks build (Obtain/build).
    /// </summary>
    private static async Task<int> LinkAsync(DemoSeedContext context, Initiative initiative, DateTime from, DateTime to, CancellationToken ct)
    {
        var db = context.Db;
        var candidates = await db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.ServiceId == initiative.ServiceId && w.CreatedAt >= from && w.CreatedAt < to && w.InitiativeId == null && !w.RemediatesDebt
                        && (w.Kind == WorkKind.Change || w.Kind == WorkKind.Request))
            .OrderBy(w => w.CreatedAt).Select(w => new { w.Id, w.Kind }).ToListAsync(ct);
        var changes = candidates.Where(c => c.Kind == WorkKind.Change).Where((_, i) => i % 2 == 0).Select(c => c.Id).Take(60).ToList();
        var requests = candidates.Where(c => c.Kind == WorkKind.Request).Where((_, i) => i % 3 == 0).Select(c => c.Id).Take(300).ToList();
        var tasks = await db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Task && w.ParentId != null && requests.Contains(w.ParentId.Value))
            .Select(w => w.Id).ToListAsync(ct);
        var category = initiative.Category;
        var id = initiative.Id;
        var count = await db.Set<WorkItem>().Where(w => changes.Contains(w.Id) || requests.Contains(w.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.InitiativeId, id).SetProperty(w => w.InvestmentCategory, category), ct);
        count += await db.Set<WorkItem>().Where(w => tasks.Contains(w.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.InitiativeId, id).SetProperty(w => w.InvestmentCategory, category)
                .SetProperty(w => w.ValueChainActivity, ValueChainActivity.ObtainBuild), ct);
        return count;
    }
}
