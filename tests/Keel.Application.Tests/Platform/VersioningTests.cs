using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Platform;

public sealed class VersioningTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task BusinessUnit_SavedModified_VersionGoesUpByOneEachSave(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var unit = await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");
        unit.Version.ShouldBe(0);

        foreach (var description in new[] { "first", "second" })
        {
            await using var db = database.NewDbContext();
            var stored = await db.Set<BusinessUnit>().SingleAsync(u => u.Id == unit.Id, Ct);
            stored.Description = description;
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewDbContext();
        (await read.Set<BusinessUnit>().SingleAsync(u => u.Id == unit.Id, Ct)).Version.ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task BusinessUnit_SavedFromStaleCopy_ThrowsConcurrencyConflictAndKeepsTheFirstWrite(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var unit = await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");
        await using var first = database.NewDbContext();
        await using var second = database.NewDbContext();
        var firstCopy = await first.Set<BusinessUnit>().SingleAsync(u => u.Id == unit.Id, Ct);
        var staleCopy = await second.Set<BusinessUnit>().SingleAsync(u => u.Id == unit.Id, Ct);

        firstCopy.Name = "Finance & Accounting";
        await first.SaveChangesAsync(Ct);
        staleCopy.Description = "written over a stale version";
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        await using var read = database.NewDbContext();
        var stored = await read.Set<BusinessUnit>().SingleAsync(u => u.Id == unit.Id, Ct);
        stored.Name.ShouldBe("Finance & Accounting");
        stored.Description.ShouldBeNull();
        stored.Version.ShouldBe(1);
        (await read.Set<AuditEntry>().CountAsync(a => a.EntityId == unit.Id.ToString() && a.Action == AuditAction.Updated, Ct)).ShouldBe(1);
    }
}
