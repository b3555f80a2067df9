using Keel.Application.Balance;
using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

/// <summary>The interest of debt items, recomputed here from the seeded work logs without the rule under test.</summary>
public sealed class TechDebtInterestTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Today is 2 March 2026 (TestDatabase.Start): the window is December, January and February.
    private static readonly DateOnly WindowFrom = new(2025, 12, 1);
    private static readonly DateOnly WindowTo = new(2026, 3, 1);

    [Theory, DatabaseData]
    public async Task Interest_LogsInAndAroundTheWindow_MeasuredFromTheThreeFullMonthsOnly(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);
        var incident = await world.Problems.IncidentAsync("LDAP sync dropped accounts");
        var problem = (await world.Problems.RaiseAsync(world.Problems.ProblemManager, "LDAP sync is fragile")).Value!.Number;
        var unrelated = await world.Problems.IncidentAsync("Printer jam");
        var debt = (await world.CreateAsync(world.Leader, "Hand-rolled LDAP sync", remediation: 40, manual: 99)).Value!.Number;
        await world.LinkAsync(world.Agent, debt, incident);
        await world.LinkAsync(world.Leader, debt, problem);
        var logs = new (string Number, DateOnly Date, int Minutes)[]
        {
            (incident, new(2025, 11, 30), 600), (incident, WindowFrom, 90), (incident, new(2026, 1, 15), 120),
            (problem, new(2026, 2, 28), 240), (problem, new(2026, 3, 1), 500), (unrelated, new(2026, 1, 10), 300),
        };
        foreach (var (number, date, minutes) in logs)
        {
            await world.LogAsync(number, date, minutes);
        }

        var view = (await world.RunAsync(world.Agent, (s, _) => s.GetAsync(debt, Ct))).Value!;

        await using var db = database.NewDbContext();
        var linked = await db.Set<TechDebtLink>().Where(l => l.DebtItemId == view.Id).Select(l => l.WorkItemId).ToListAsync(Ct);
        var expectedMinutes = (await db.Set<WorkLog>().ToListAsync(Ct))
            .Where(g => linked.Contains(g.WorkItemId) && g.Date >= WindowFrom && g.Date < WindowTo).Sum(g => g.Minutes);
        expectedMinutes.ShouldBe(450);
        view.Interest.ShouldBe(new DebtInterestView(InterestBasis.Measured, Math.Round(expectedMinutes / 60.0 / 3, 2), null));
        view.MonthsToPayBack.ShouldBe(Math.Round(40 / (expectedMinutes / 60.0 / 3), 1));
        (view.InterestFrom, view.InterestTo).ShouldBe((WindowFrom, new DateOnly(2026, 2, 28)));
        view.LinkedWork.Select(w => (w.Number, w.HoursInWindow, w.HoursTotal)).ShouldBe(
            [(incident, 3.5, 13.5), (problem, 4.0, 12.33)], ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Interest_NothingToMeasure_EstimatedOrUnknownWithTheReasonNeverZero(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);
        var quiet = await world.Problems.IncidentAsync("Old report is slow");
        await world.LogAsync(quiet, new DateOnly(2025, 6, 1), 120); // long before the window
        var nothing = (await world.CreateAsync(world.Leader, "No links, no estimate", 10)).Value!.Number;
        var silent = (await world.CreateAsync(world.Leader, "Links without time", 10)).Value!.Number;
        var estimated = (await world.CreateAsync(world.Leader, "Links without time, estimated", 10, manual: 2.5)).Value!.Number;
        await world.LinkAsync(world.Leader, silent, quiet);
        await world.LinkAsync(world.Leader, estimated, quiet);

        var views = await world.RunAsync(world.Leader, async (s, _) =>
            new[] { (await s.GetAsync(nothing, Ct)).Value!, (await s.GetAsync(silent, Ct)).Value!, (await s.GetAsync(estimated, Ct)).Value! });

        views[0].Interest.ShouldBe(new DebtInterestView(InterestBasis.Unknown, null, "no linked incidents or problems"));
        views[1].Interest.ShouldBe(new DebtInterestView(InterestBasis.Unknown, null,
            "linked work has no time logged in the last three months and no manual estimate"));
        views[2].Interest.ShouldBe(new DebtInterestView(InterestBasis.Estimated, 2.5, null));
        (views[0].MonthsToPayBack, views[1].MonthsToPayBack, views[2].MonthsToPayBack).ShouldBe((null, null, 4.0));
    }

    [Theory, DatabaseData]
    public async Task List_ThreeItems_RankedByPaybackUnknownLastAndPaged(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);
        var busy = await world.Problems.IncidentAsync("VPN drops");
        await world.LogAsync(busy, new DateOnly(2026, 1, 5), 30 * 60); // 10 h a month
        var costly = (await world.CreateAsync(world.Leader, "VPN concentrator end of life", 200)).Value!.Number; // 0.05
        var cheap = (await world.CreateAsync(world.Leader, "Manual cert renewal", 4, manual: 1)).Value!.Number;  // 0.25
        var unknown = (await world.CreateAsync(world.Leader, "Legacy cron box", 1)).Value!.Number;
        await world.LinkAsync(world.Leader, costly, busy);

        var first = (await world.RunAsync(world.Agent, (_, r) => r.ListAsync(new DebtFilter(), new PageRequest(Limit: 2), Ct))).Value!;
        var rest = (await world.RunAsync(world.Agent, (_, r) => r.ListAsync(new DebtFilter(), new PageRequest(2, first.NextCursor), Ct))).Value!;
        var byInterest = (await world.RunAsync(world.Agent, (_, r) => r.ListAsync(new DebtFilter(), new PageRequest(Sort: "-interest"), Ct))).Value!;

        first.Items.Select(i => i.Number).ShouldBe([cheap, costly]);
        rest.Items.Select(i => (i.Number, i.Interest.Basis, i.Interest.Reason)).ShouldBe([(unknown, InterestBasis.Unknown, "no linked incidents or problems")]);
        rest.NextCursor.ShouldBeNull();
        first.Items[1].Interest.ShouldBe(new DebtInterestView(InterestBasis.Measured, 10, null));
        first.Items[1].LinkedItems.ShouldBe(1);
        byInterest.Items.Select(i => i.Number).ShouldBe([costly, cheap, unknown]);
    }

    [Theory, DatabaseData]
    public async Task Trend_LogsOverSeveralMonths_EachMonthIsTheSumOfLinkedWork(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);
        var a = await world.Problems.IncidentAsync("Disk fills up");
        var b = await world.Problems.IncidentAsync("Backups fail");
        var first = (await world.CreateAsync(world.Leader, "No log rotation", 8)).Value!.Number;
        var second = (await world.CreateAsync(world.Leader, "Backup scripts", 16, serviceId: world.OtherService.Id)).Value!.Number;
        await world.LinkAsync(world.Leader, first, a);
        await world.LinkAsync(world.Leader, second, a); // the same work is interest on both items
        await world.LinkAsync(world.Leader, second, b);
        var logs = new (string Number, DateOnly Date, int Minutes)[]
        {
            (a, new(2025, 2, 28), 60), (a, new(2025, 3, 31), 60), (a, new(2025, 4, 1), 60), (a, new(2025, 10, 10), 30), (b, new(2025, 10, 20), 90),
            (b, new(2026, 2, 28), 120), (a, new(2026, 3, 1), 600),
        };
        foreach (var (number, date, minutes) in logs)
        {
            await world.LogAsync(number, date, minutes);
        }

        var trend = (await world.RunAsync(world.Leader, (_, r) => r.TrendAsync(new DebtFilter(), Ct))).Value!;

        // Independently: per link, the logs of its work item in March 2025 – February 2026 (twelve full months), by month.
        await using var db = database.NewDbContext();
        var links = await db.Set<TechDebtLink>().ToListAsync(Ct);
        var all = await db.Set<WorkLog>().ToListAsync(Ct);
        var expected = Enumerable.Range(0, 12).Select(i => new DateOnly(2025, 3, 1).AddMonths(i)).Select(m => new DebtInterestMonth(
            $"{m:yyyy-MM}", Math.Round(links.Sum(l => all.Where(g => g.WorkItemId == l.WorkItemId && g.Date.Year == m.Year && g.Date.Month == m.Month)
                .Sum(g => g.Minutes)) / 60.0, 2))).ToList();
        trend.Months.ShouldBe(expected);
        trend.Months[0].ShouldBe(new DebtInterestMonth("2025-03", 2));
        trend.Months[7].ShouldBe(new DebtInterestMonth("2025-10", 2.5));
        trend.Months[^1].ShouldBe(new DebtInterestMonth("2026-02", 2));
        // Now: only the second item has time in the interest window (2 h in February: 0.67 h a month); the first says why not.
        (trend.UnknownItems, trend.KnownHoursPerMonth).ShouldBe((1, 0.67));
    }
}
