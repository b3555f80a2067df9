using Keel.Application.Balance;
using Keel.Application.Data;
using Keel.Application.Tests.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class TechDebtSeedTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Demo_Seeded_RegisterHasMeasuredEstimatedAndUnknownItemsAndPayoffChangesCountAsDebt(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var register = new TechDebtRegister(db, TestUser.Admin, new DebtInterestReader(db, database.Time));

        var items = (await register.ListAsync(new DebtFilter(), new(Limit: 100), Ct)).Value!.Items;

        items.Count.ShouldBeGreaterThanOrEqualTo(3);
        items.Count(i => i.Interest.Basis == InterestBasis.Measured).ShouldBeGreaterThan(0);
        items.Count(i => i.Interest.Basis == InterestBasis.Estimated).ShouldBe(1);
        items[^1].Interest.Basis.ShouldBe(InterestBasis.Unknown);
        items[^1].Interest.Reason.ShouldNotBeNullOrEmpty();
        var payoff = items.Where(i => i.PayoffChange is not null).Select(i => i.PayoffChange!.Number).ToList();
        (await db.Set<WorkItem>().Where(w => payoff.Contains(w.Number)).ToListAsync(Ct))
            .ShouldAllBe(w => w.RemediatesDebt && (w.InvestmentCategory == Keel.Domain.Balance.InvestmentCategory.Debt || w.InvestmentCategoryByHand));
    }
}
