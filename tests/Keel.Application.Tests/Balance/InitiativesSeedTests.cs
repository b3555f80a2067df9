using Keel.Application.Data;
using Keel.Application.Tests.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class InitiativesSeedTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Demo_Seeded_InitiativesAtSeveralStatusesWithLinkedWorkClassifiedByTheirCategory(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();

        var initiatives = await db.Set<Initiative>().ToListAsync(Ct);
        var linked = await db.Set<WorkItem>().Where(w => w.InitiativeId != null)
            .Select(w => new { w.InitiativeId, w.Kind, w.InvestmentCategory, w.ValueChainActivity }).ToListAsync(Ct);
        var categories = initiatives.ToDictionary(i => i.Id, i => i.Category);
        var loggedOnGrowOrTransform = await db.Set<WorkLog>()
            .Where(l => db.Set<WorkItem>().Any(w => w.Id == l.WorkItemId && (w.InvestmentCategory == InvestmentCategory.Grow || w.InvestmentCategory == InvestmentCategory.Transform)))
            .SumAsync(l => l.Minutes, Ct);

        initiatives.Count.ShouldBeGreaterThanOrEqualTo(5);
        initiatives.Select(i => i.Status).Distinct().Count().ShouldBeGreaterThanOrEqualTo(4);
        initiatives.Where(i => i.Status == InitiativeStatus.Reviewed).ShouldAllBe(i => i.RealisedValue != null && i.ReviewedAt != null);
        initiatives.Select(i => i.Number).ShouldBeUnique();
        linked.ShouldNotBeEmpty();
        linked.ShouldAllBe(w => w.InvestmentCategory == categories[w.InitiativeId!.Value]);
        linked.Where(w => w.Kind == WorkKind.Task).ShouldAllBe(w => w.ValueChainActivity == ValueChainActivity.ObtainBuild);
        loggedOnGrowOrTransform.ShouldBeGreaterThan(0);
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_DepartmentKeepsToItsPlanButRunIsOverInTheLastTwoCompleteMonths(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var thisMonth = Months.Of(TestDatabase.Start.UtcDateTime);
        var plans = await db.Set<CapacityTarget>().Where(t => t.TeamId == null).OrderBy(t => t.Period).ToListAsync(Ct);
        var logs = await db.Set<WorkLog>().Where(l => l.Date >= thisMonth.AddMonths(-6))
            .Join(db.Set<WorkItem>(), l => l.WorkItemId, w => w.Id, (l, w) => new { l.Date, l.Minutes, w.InvestmentCategory }).ToListAsync(Ct);

        plans.Count.ShouldBe(2);
        foreach (var month in Months.Between(thisMonth.AddMonths(-6), thisMonth.AddMonths(-1)))
        {
            var plan = plans.Last(p => p.Period <= month);
            var inMonth = logs.Where(l => Months.Of(l.Date) == month).ToList();
            var runShare = 100m * inMonth.Where(l => l.InvestmentCategory == InvestmentCategory.Run).Sum(l => l.Minutes) / inMonth.Sum(l => l.Minutes);
            if (month >= thisMonth.AddMonths(-2))
            {
                (runShare - plan.Run).ShouldBeGreaterThan(plan.Tolerance, $"{month}: Run {runShare:F1} against {plan.Run}");
            }
            else
            {
                Math.Abs(runShare - plan.Run).ShouldBeLessThanOrEqualTo(plan.Tolerance, $"{month}: Run {runShare:F1} against {plan.Run}");
            }
        }
    }
}
