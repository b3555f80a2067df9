using Keel.Application.Data;
using Keel.Application.Balance;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Balance;

public sealed class BalanceServiceTests(DatabaseFixture databases)
{
    private static readonly DateOnly Dec = new(2025, 12, 1);
    private static readonly DateOnly Jan = new(2026, 1, 1);
    private static readonly DateOnly Feb = new(2026, 2, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Run-heavy December and January against a 55/15/20/10 ± 5 plan, a balanced February, and a team with its own plan.</summary>
    private static async Task<BalanceWorld> SeedAsync(TestDatabase database)
    {
        var world = await BalanceWorld.CreateAsync(database);
        var w = world.Work;
        var outage = await world.ItemAsync("Mail outage", InvestmentCategory.Run, w.Desk.Id);
        var patching = await world.ItemAsync("Patch the old file server", InvestmentCategory.Debt, w.Field.Id);
        var portal = await world.ItemAsync("Self-service portal", InvestmentCategory.Grow, null);
        var cloud = await world.ItemAsync("Move to the cloud", InvestmentCategory.Transform, w.Field.Id);
        await world.LogAsync(w.Agent, outage, Dec.AddDays(3), 480);
        await world.LogAsync(w.Agent2, outage, Dec.AddDays(20), 120);
        await world.LogAsync(w.Agent2, portal, Dec.AddDays(4), 60);
        await world.LogAsync(w.Agent, outage, Jan.AddDays(5), 300);
        await world.LogAsync(w.Agent2, patching, Jan.AddDays(6), 45);
        await world.LogAsync(w.Agent2, cloud, Jan.AddDays(30), 30);
        await world.LogAsync(w.Agent, outage, Feb.AddDays(1), 330);
        await world.LogAsync(w.Agent2, patching, Feb.AddDays(2), 90);
        await world.LogAsync(w.Agent, portal, Feb.AddDays(3), 120);
        await world.LogAsync(w.Agent2, cloud, Feb.AddDays(27), 60);
        await world.LogAsync(w.Agent, portal, new DateOnly(2026, 3, 2), 15); // this month: not over yet
        (await world.SetTargetAsync("2025-11", 55, 15, 20, 10, 5)).IsSuccess.ShouldBeTrue();
        (await world.SetTargetAsync("2026-01", 40, 30, 20, 10, 10, w.Field.Id)).IsSuccess.ShouldBeTrue();
        return world;
    }

    [Theory, DatabaseData]
    public async Task Balance_Department_MatchesTheLogsRecomputedIndependently(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SeedAsync(database);

        var balance = (await world.RunAsync(world.Leader, (b, _) => b.BalanceAsync(Dec, new DateOnly(2026, 3, 1), null, BalanceBasis.Hours, Ct))).Value!;

        balance.Periods.Select(p => p.Period).ShouldBe(["2025-12", "2026-01", "2026-02", "2026-03"]);
        foreach (var period in balance.Periods)
        {
            var month = Months.Parse(period.Period)!.Value;
            var logs = world.Logs.Where(l => l.Log.Date.Year == month.Year && l.Log.Date.Month == month.Month).ToList();
            var total = logs.Sum(l => l.Log.Minutes);
            period.Total.ShouldBe(Math.Round(total / 60.0, 2));
            period.TargetFrom.ShouldBe("2025-11");
            foreach (var c in period.Categories)
            {
                var minutes = logs.Where(l => l.Category == c.Category).Sum(l => l.Log.Minutes);
                c.Amount.ShouldBe(Math.Round(minutes / 60.0, 2));
                c.ActualPercent.ShouldBe(decimal.Round(minutes * 100m / total, 1));
                var target = new TargetShares(55, 15, 20, 10, 5).Of(c.Category);
                c.TargetPercent.ShouldBe(target);
                var beyond = Math.Abs(minutes * 100m / total - target) > 5;
                c.Drift.ShouldBe(beyond ? (minutes * 100m / total > target ? DriftDirection.Over : DriftDirection.Under) : null);
            }
        }
        balance.Periods[^1].Complete.ShouldBeFalse();
        // Run 600/660 and 300/375 minutes: over in December and January (February is on plan); Grow under in both (Debt only in December).
        balance.Alerts.Select(a => (a.Category, a.Direction, a.Since, a.Through)).ShouldBe(
            [(InvestmentCategory.Run, DriftDirection.Over, "2025-12", "2026-01"), (InvestmentCategory.Grow, DriftDirection.Under, "2025-12", "2026-01")],
            ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Balance_Team_TimeCountsForTheTeamThePersonWorkedAsAgainstTheTeamsPlan(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SeedAsync(database);
        var w = world.Work;

        var field = (await world.RunAsync(world.Leader, (b, _) => b.BalanceAsync(Dec, Feb, w.Field.Id, BalanceBasis.Hours, Ct))).Value!;
        var desk = (await world.RunAsync(world.Leader, (b, _) => b.BalanceAsync(Dec, Feb, w.Desk.Id, BalanceBasis.Hours, Ct))).Value!;

        // agent2 is in both teams: on a Field item as Field, on a Desk item as Desk, on an item of no team as their
        // first team by name (Field Services); agent only in the Service Desk.
        static double Expected(BalanceWorld world, Guid team, DateOnly month) => Math.Round(world.Logs
            .Where(l => l.Log.Date >= month && l.Log.Date < month.AddMonths(1))
            .Where(l => (l.Log.PersonId == world.Work.Agent.UserId ? world.Work.Desk.Id : l.ItemTeam == world.Work.Desk.Id ? world.Work.Desk.Id : world.Work.Field.Id) == team)
            .Sum(l => l.Log.Minutes) / 60.0, 2);
        foreach (var month in new[] { Dec, Jan, Feb })
        {
            field.Periods.Single(p => p.Period == Months.Format(month)).Total.ShouldBe(Expected(world, w.Field.Id, month));
            desk.Periods.Single(p => p.Period == Months.Format(month)).Total.ShouldBe(Expected(world, w.Desk.Id, month));
        }
        field.Periods.Select(p => (p.TargetFrom, p.TargetTeam?.Id)).ShouldBe([("2025-11", null), ("2026-01", w.Field.Id), ("2026-01", w.Field.Id)]);
        field.Periods[1].Categories.Single(c => c.Category == InvestmentCategory.Debt).TargetPercent.ShouldBe(30m);
        desk.Periods.ShouldAllBe(p => p.TargetFrom == "2025-11" && p.TargetTeam == null);
    }

    [Theory, DatabaseData]
    public async Task Balance_CountBasis_DistinctItemsWorkedInTheMonth(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SeedAsync(database);

        var balance = (await world.RunAsync(world.Leader, (b, _) => b.BalanceAsync(Dec, Dec, null, BalanceBasis.Count, Ct))).Value!;

        var december = balance.Periods.ShouldHaveSingleItem();
        december.Total.ShouldBe(2); // the outage (logged twice) and the portal
        december.Categories.Single(c => c.Category == InvestmentCategory.Run).ActualPercent.ShouldBe(50m);
    }

    [Theory, DatabaseData]
    public async Task Work_DrillDown_ItemsWithTimeInThatMonthAndCategoryPaged(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SeedAsync(database);
        var extra = await world.ItemAsync("Printer jam", InvestmentCategory.Run, world.Work.Desk.Id);
        await world.LogAsync(world.Work.Agent, extra, Feb.AddDays(9), 30);

        var first = (await world.RunAsync(world.Leader, (b, _) => b.WorkAsync(Feb, InvestmentCategory.Run, null, new PageRequest(1), Ct))).Value!;
        var second = (await world.RunAsync(world.Leader, (b, _) => b.WorkAsync(Feb, InvestmentCategory.Run, null, new PageRequest(1, first.NextCursor), Ct))).Value!;

        first.Items.Concat(second.Items).Select(i => (i.Title, i.Hours)).ShouldBe([("Mail outage", 5.5), ("Printer jam", 0.5)]);
        second.NextCursor.ShouldBeNull();
        var debt = (await world.RunAsync(world.Leader, (b, _) => b.WorkAsync(Feb, InvestmentCategory.Debt, world.Work.Desk.Id, new PageRequest(), Ct))).Value!;
        debt.Items.ShouldBeEmpty(); // agent2 worked the Field item as Field
    }

    [Theory, DatabaseData]
    public async Task Balance_AgentOrBadRange_Refused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await BalanceWorld.CreateAsync(database);

        (await world.RunAsync(world.Work.Agent, (b, _) => b.BalanceAsync(null, null, null, BalanceBasis.Hours, Ct))).Error!.Code.ShouldBe("forbidden");
        (await world.RunAsync(world.Leader, (b, _) => b.BalanceAsync(Feb, Jan, null, BalanceBasis.Hours, Ct))).Error!.Fields!.Keys.ShouldBe(["from"]);
        var empty = (await world.RunAsync(world.Leader, (b, _) => b.BalanceAsync(null, null, null, BalanceBasis.Hours, Ct))).Value!;
        (empty.From, empty.To, empty.Periods.Count, empty.Alerts.Count).ShouldBe(("2025-04", "2026-03", 12, 0));
    }
}
