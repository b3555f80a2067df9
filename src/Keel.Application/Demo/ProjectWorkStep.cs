using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>
/// Project effort of the demo year (demo profile only): the delivering teams of the initiatives' services log hours on
/// the work linked to them, sized month by month from the Run hours already logged so that the department keeps to its
/// capacity plan within tolerance — except the last two complete months, when operational work pulled people off the
/// projects and Run drifts over plan: the alert the balance page opens on. The hours come in as a timesheet import
/// would bring them: work logs without a line in the items' history, whose order of lines stays the order of events.
/// </summary>
internal sealed class ProjectWorkStep : IDemoSeedStep
{
    /// <summary>How far over plan Run goes in the drift months, in points (beyond any tolerance the demo plans use).</summary>
    private const decimal DriftPoints = 12m;

    private sealed record Project(Guid Id, InvestmentCategory Category, Guid ServiceId, DateOnly From, DateOnly To);

    public string Name => "project work";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var db = context.Db;
        var plans = await db.Set<CapacityTarget>().AsNoTracking().Where(t => t.TeamId == null).OrderBy(t => t.Period).ToListAsync(ct);
        var today = DateOnly.FromDateTime(context.Now);
        var projects = (await db.Set<Initiative>().AsNoTracking()
                .Where(i => i.Status == InitiativeStatus.InProgress || i.Status == InitiativeStatus.Delivered || i.Status == InitiativeStatus.Reviewed)
                .Select(i => new { i.Id, i.Category, i.ServiceId, i.CreatedAt, i.DeliveredAt }).ToListAsync(ct))
            .Select(i => new Project(i.Id, i.Category, i.ServiceId, DateOnly.FromDateTime(i.CreatedAt), i.DeliveredAt is { } d ? DateOnly.FromDateTime(d) : today))
            .ToList();
        if (context.WorkItems == 0 || plans.Count == 0 || projects.Count == 0)
        {
            return;
        }
        var items = (await db.Set<WorkItem>().AsNoTracking().Where(w => w.InitiativeId != null)
                .Select(w => new { w.Id, Initiative = w.InitiativeId!.Value, w.CreatedAt }).ToListAsync(ct))
            .GroupBy(w => w.Initiative).ToDictionary(g => g.Key, g => g.OrderBy(w => w.CreatedAt).Select(w => (w.Id, Created: DateOnly.FromDateTime(w.CreatedAt))).ToList());
        var crews = await CrewsAsync(context, projects, ct);
        var logged = await LoggedAsync(context, plans[0].Period, ct);
        var thisMonth = Months.Of(today);
        var logs = new List<WorkLog>();
        foreach (var month in Months.Between(plans[0].Period, thisMonth))
        {
            var plan = plans.Last(p => p.Period <= month).Shares;
            var run = logged.GetValueOrDefault((month, InvestmentCategory.Run));
            if (run == 0 || plan.Run == 0)
            {
                continue;
            }
            var drifting = month == thisMonth.AddMonths(-1) || month == thisMonth.AddMonths(-2);
            var runShare = drifting ? plan.Run + DriftPoints : plan.Run + (decimal)(context.Random.NextDouble() * 4 - 2);
            var total = run * 100m / runShare;
            foreach (var category in new[] { InvestmentCategory.Debt, InvestmentCategory.Grow, InvestmentCategory.Transform })
            {
                var share = plan.Of(category) * (100m - runShare) / (100m - plan.Run);
                var minutes = total * share / 100m - logged.GetValueOrDefault((month, category));
                var active = Active(projects, category, month, thisMonth == month ? today : month.AddMonths(1).AddDays(-1));
                if (minutes > 0 && active.Count > 0)
                {
                    Log(context, logs, month, today, (int)minutes, active, items, crews);
                }
            }
        }
        db.AddRange(logs);
        await db.SaveChangesAsync(ct);
        context.Count("project work logs", logs.Count);
    }

    /// <summary>The initiatives of a category running in the month; when none is, the one that ran closest to it (follow-up work).</summary>
    private static List<Project> Active(List<Project> projects, InvestmentCategory category, DateOnly month, DateOnly monthEnd)
    {
        var ofCategory = projects.Where(p => p.Category == category).ToList();
        var running = ofCategory.Where(p => p.From <= monthEnd && p.To >= month).ToList();
        return running.Count > 0 || ofCategory.Count == 0
            ? running
            : [ofCategory.MinBy(p => Math.Min(Math.Abs(p.To.DayNumber - month.DayNumber), Math.Abs(p.From.DayNumber - monthEnd.DayNumber)))!];
    }

    /// <summary>Spreads the month's minutes over the projects in entries of two to eight hours on working days, on items that exist by then.</summary>
    private static void Log(DemoSeedContext context, List<WorkLog> logs, DateOnly month, DateOnly today, int minutes, List<Project> projects,
        Dictionary<Guid, List<(Guid Id, DateOnly Created)>> items, Dictionary<Guid, List<Guid>> crews)
    {
        var random = context.Random;
        var lastDay = month.AddMonths(1).AddDays(-1) < today ? month.AddMonths(1).AddDays(-1) : today;
        var days = Enumerable.Range(0, lastDay.DayNumber - month.DayNumber + 1).Select(month.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        while (minutes > 0 && days.Count > 0)
        {
            var project = random.Pick(projects);
            var day = random.Pick(days);
            var existing = items.GetValueOrDefault(project.Id)?.Where(i => i.Created < day).ToList();
            if (existing is not { Count: > 0 } || !crews.TryGetValue(project.ServiceId, out var crew))
            {
                projects = [.. projects.Where(p => p != project)];
                if (projects.Count == 0)
                {
                    return;
                }
                continue;
            }
            var entry = Math.Min(minutes, 60 * (2 + random.Next(7)));
            var at = day.ToDateTime(new TimeOnly(16, 30), DateTimeKind.Utc);
            logs.Add(new WorkLog
            {
                Id = context.Ids.NextGuid(), WorkItemId = random.Pick(existing).Id, PersonId = random.Pick(crew), Minutes = entry, Date = day,
                Note = "Project work", CreatedAt = at,
            });
            minutes -= entry;
        }
    }

    /// <summary>Who builds each service: the members of its delivering team.</summary>
    private static async Task<Dictionary<Guid, List<Guid>>> CrewsAsync(DemoSeedContext context, List<Project> projects, CancellationToken ct)
    {
        var serviceIds = projects.Select(p => p.ServiceId).Distinct().ToList();
        var teams = await context.Db.Set<Service>().AsNoTracking().Where(s => serviceIds.Contains(s.Id)).Select(s => new { s.Id, s.DeliveringTeamId }).ToListAsync(ct);
        var teamIds = teams.Select(t => t.DeliveringTeamId).ToList();
        var members = await context.Db.Set<TeamMember>().AsNoTracking().Where(m => teamIds.Contains(m.TeamId)).ToListAsync(ct);
        return teams.Select(t => (t.Id, Crew: members.Where(m => m.TeamId == t.DeliveringTeamId).Select(m => m.UserId).ToList()))
            .Where(t => t.Crew.Count > 0).ToDictionary(t => t.Id, t => t.Crew);
    }

    /// <summary>Minutes already logged per month and investment category since the first plan.</summary>
    private static async Task<Dictionary<(DateOnly, InvestmentCategory), decimal>> LoggedAsync(DemoSeedContext context, DateOnly from, CancellationToken ct)
    {
        var db = context.Db;
        var rows = await db.Set<WorkLog>().AsNoTracking().Where(l => l.Date >= from)
            .Join(db.Set<WorkItem>(), l => l.WorkItemId, w => w.Id, (l, w) => new { l.Date, l.Minutes, w.InvestmentCategory })
            .ToListAsync(ct);
        return rows.GroupBy(r => (Months.Of(r.Date), r.InvestmentCategory)).ToDictionary(g => g.Key, g => (decimal)g.Sum(r => r.Minutes));
    }
}
