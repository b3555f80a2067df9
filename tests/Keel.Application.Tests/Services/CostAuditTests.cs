using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Services;

public sealed class CostAuditTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task CostItemAmountChanged_AuditLineHasTheMoneyPartsAndTheCategoryByName(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var service = (await world.CreateServiceAsync("Payroll")).Value!;
        var item = new CostItem { ServiceId = service.Id, Name = "Payroll licences", Monthly = new Money(120_000, "EUR"), Category = CostCategory.Licences };
        await using (var db = database.NewDbContext())
        {
            db.Add(item);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = database.NewDbContext())
        {
            var stored = await db.Set<CostItem>().SingleAsync(c => c.Id == item.Id, Ct);
            stored.Monthly = new Money(150_000, "EUR");
            stored.Category = CostCategory.Vendors;
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewDbContext();
        var line = await read.Set<AuditEntry>().SingleAsync(a => a.EntityId == item.Id.ToString() && a.Action == AuditAction.Updated, Ct);
        var changes = PlatformData.Changes(line);
        changes["Monthly.Minor"].ShouldBe(("120000", "150000"));
        changes["Category"].ShouldBe(("Licences", "Vendors"));
        changes.ContainsKey("Monthly.Currency").ShouldBeFalse();
    }
}
