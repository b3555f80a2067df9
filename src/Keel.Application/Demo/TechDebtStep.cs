using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>
/// The technical-debt register of the demo (demo profile only): six items on the services whose incidents and problems
/// took the most logged time in the interest window, each linked to that work (so its interest is Measured), one with only
/// a manual estimate, one with nothing to measure (Unknown, and it says why); two are scheduled with a change that pays
/// them off. Reads only the grouped time of the window, so it stays fast on the 40k-item history.
/// </summary>
internal sealed class TechDebtStep : IDemoSeedStep
{
    private const int Measured = 6;
    private const int LinksPerItem = 3;

    private static readonly (string Title, string Description, double Remediation, DebtRisk Risk)[] Debts =
    [
        ("Hand-rolled directory sync script", "A nightly **cron** script copies accounts between directories; it drops people whose names contain accents.", 60, DebtRisk.High),
        ("Certificates renewed by hand", "Each certificate is renewed from a wiki page; a missed date takes the service down.", 24, DebtRisk.Critical),
        ("Log rotation switched off since the migration", "Data disks fill up every few weeks and someone clears them by hand.", 8, DebtRisk.Medium),
        ("Client pinned to an unsupported version", "The old client caches tokens and does not refresh them after a password change.", 120, DebtRisk.High),
        ("No connection pooling on the reporting database", "Reports open a connection per query; the nightly backup window exhausts the server.", 40, DebtRisk.Medium),
        ("Printer drivers installed from a share", "Drivers come from a file share nobody updates; each vendor update breaks a floor.", 16, DebtRisk.Low),
    ];

    public string Name => "technical debt";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (context.WorkItems == 0)
        {
            return;
        }
        var db = context.Db;
        var now = context.Now;
        var leader = context.Organization!.Person(DemoAccounts.Leader);
        var (from, to) = DebtInterest.WindowOf(DateOnly.FromDateTime(now));
        var logged = await db.Set<WorkLog>().AsNoTracking().Where(g => g.Date >= from && g.Date < to)
            .GroupBy(g => g.WorkItemId).Select(g => new { WorkItemId = g.Key, Minutes = g.Sum(x => x.Minutes) })
            .Join(db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Incident || w.Kind == WorkKind.Problem), t => t.WorkItemId, w => w.Id,
                (t, w) => new { w.Id, w.Kind, w.ServiceId, t.Minutes })
            .ToListAsync(ct);
        // The services whose incidents and problems cost the most time; problems first within each, as debt shows there.
        var services = logged.GroupBy(l => l.ServiceId).OrderByDescending(g => g.Sum(l => l.Minutes)).ThenBy(g => g.Key).Take(Measured + 1)
            .Select(g => (ServiceId: g.Key, Work: g.OrderBy(l => l.Kind == WorkKind.Problem ? 0 : 1).ThenByDescending(l => l.Minutes).ThenBy(l => l.Id)
                .Take(LinksPerItem).Select(l => l.Id).ToList()))
            .ToList();
        if (services.Count == 0)
        {
            return;
        }
        var owners = await db.Set<Service>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.OwnerId, ct);
        var quiet = await db.Set<WorkItem>().AsNoTracking()
            .Where(w => w.Kind == WorkKind.Incident && !db.Set<WorkLog>().Any(g => g.WorkItemId == w.Id && g.Date >= from))
            .OrderBy(w => w.Number).Select(w => new { w.Id, w.ServiceId }).FirstOrDefaultAsync(ct);
        var changes = await db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Change && w.State != WorkState.Cancelled && w.State != WorkState.Closed)
            .OrderBy(w => w.Number).Take(2).ToListAsync(ct);
        var items = new List<TechDebtItem>();
        TechDebtItem Add(string title, string description, Guid serviceId, double remediation, DebtRisk risk, double? manual = null)
        {
            var item = new TechDebtItem
            {
                Id = context.Ids.NextGuid(), Title = title,
                Description = description, ServiceId = serviceId, RemediationEstimateHours = remediation, ManualInterestHoursPerMonth = manual,
                Risk = risk, OwnerId = owners.GetValueOrDefault(serviceId, leader.Id), CreatedAt = now.AddDays(-40 + items.Count), UpdatedAt = now,
            };
            items.Add(item);
            return item;
        }
        for (var i = 0; i < Math.Min(Measured, services.Count); i++)
        {
            var (title, description, remediation, risk) = Debts[i];
            var item = Add(title, description, services[i].ServiceId, remediation, risk);
            db.AddRange(services[i].Work.Select(w => new TechDebtLink { DebtItemId = item.Id, WorkItemId = w, LinkedById = leader.Id, LinkedAt = now.AddDays(-30) }));
        }
        var spare = services[^1].ServiceId;
        Add("Spreadsheet capacity plan", "Capacity is planned in a spreadsheet on one laptop; nobody else can update it.", spare, 30, DebtRisk.Medium, manual: 3);
        var unknown = Add("Undocumented firewall rules", "Hundreds of rules without owners or reasons; nobody dares to remove one.",
            quiet?.ServiceId ?? spare, 80, DebtRisk.High);
        if (quiet is not null)
        {
            db.Add(new TechDebtLink { DebtItemId = unknown.Id, WorkItemId = quiet.Id, LinkedById = leader.Id, LinkedAt = now.AddDays(-20) });
        }
        for (var i = 0; i < changes.Count && i < items.Count; i++)
        {
            var (item, change) = (items[i], changes[i]);
            item.Status = DebtStatus.Scheduled;
            item.PayoffChangeId = change.Id;
            change.Change("remediatesDebt", change.RemediatesDebt, true, v => change.RemediatesDebt = v, leader.Id, now, internalLine: true);
            change.Classify(null, null, leader.Id, now);
        }
        if (items.Count > 3)
        {
            items[2].Status = DebtStatus.InRemediation;
            items[3].Status = DebtStatus.Accepted;
        }
        // Numbered from the same counter as the register's own, so the next item created by hand follows on.
        var first = await WorkNumbers.ReserveAsync(db, TechDebtNumber.Counter, items.Count, ct);
        foreach (var (item, index) in items.Select((item, index) => (item, index)))
        {
            item.Sequence = checked((int)(first + index));
            item.Number = TechDebtNumber.Format(item.Sequence);
        }
        db.AddRange(items);
        await db.SaveChangesAsync(ct);
        context.Count("debt items", items.Count);
    }
}
