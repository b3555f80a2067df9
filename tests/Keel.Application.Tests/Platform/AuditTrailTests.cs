using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Platform;

public sealed class AuditTrailTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task BusinessUnit_Updated_AuditLineHasBeforeAndAfterOfChangedFieldsAndTheActingUser(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var unit = await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");
        var maria = new TestUser("maria", Guid.NewGuid(), Roles.Admin);
        database.Time.Advance(TimeSpan.FromHours(3));

        await using (var db = database.NewDbContext(maria))
        {
            var stored = await db.Set<BusinessUnit>().SingleAsync(u => u.Id == unit.Id, Ct);
            stored.Name = "Finance & Accounting";
            stored.Description = "Books, payroll, tax";
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewDbContext();
        var line = await read.Set<AuditEntry>()
            .SingleAsync(a => a.EntityType == nameof(BusinessUnit) && a.EntityId == unit.Id.ToString() && a.Action == AuditAction.Updated, Ct);
        line.UserId.ShouldBe(maria.UserId);
        line.UserName.ShouldBe("maria");
        line.At.ShouldBe(TestDatabase.Start.UtcDateTime.AddHours(3));
        var changes = PlatformData.Changes(line);
        changes.Keys.ShouldBe(["Name", "Description"], ignoreOrder: true); // not Code (unchanged), not Version (bookkeeping)
        changes["Name"].ShouldBe(("Finance", "Finance & Accounting"));
        changes["Description"].ShouldBe((null, "Books, payroll, tax"));
    }

    [Theory, DatabaseData]
    public async Task BusinessUnit_SavedWithoutRealChange_WritesNoAuditLine(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var unit = await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");

        await using (var db = database.NewDbContext())
        {
            var stored = await db.Set<BusinessUnit>().SingleAsync(u => u.Id == unit.Id, Ct);
            stored.Name = "Finance";
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewDbContext();
        var actions = await read.Set<AuditEntry>().Where(a => a.EntityId == unit.Id.ToString()).Select(a => a.Action).ToListAsync(Ct);
        actions.ShouldBe([AuditAction.Created]);
    }

    [Theory, DatabaseData]
    public async Task Team_Created_AuditedAsCreatedWithItsValuesByTheActingUser(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var lead = new TestUser("lead", Guid.NewGuid(), Roles.TeamLead);
        var team = new Team { Name = "Service Desk", HourlyRateMinor = 9500 };

        await using (var db = database.NewDbContext(lead))
        {
            db.Add(team);
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewDbContext();
        var line = await read.Set<AuditEntry>().SingleAsync(a => a.EntityType == nameof(Team), Ct);
        line.Action.ShouldBe(AuditAction.Created);
        line.EntityId.ShouldBe(team.Id.ToString());
        line.UserId.ShouldBe(lead.UserId);
        line.UserName.ShouldBe("lead");
        var changes = PlatformData.Changes(line);
        changes["Name"].ShouldBe((null, "Service Desk"));
        changes["HourlyRateMinor"].ShouldBe((null, "9500"));
        changes.ShouldNotContainKey(nameof(Team.Version));
    }

    [Theory, DatabaseData]
    public async Task Team_Deleted_AuditedAsDeletedWithItsLastValues(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var team = new Team { Name = "Network" };
        await using (var db = database.NewDbContext())
        {
            db.Add(team);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = database.NewDbContext())
        {
            db.Remove(await db.Set<Team>().SingleAsync(t => t.Id == team.Id, Ct));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.NewDbContext();
        (await read.Set<Team>().AnyAsync(Ct)).ShouldBeFalse();
        var line = await read.Set<AuditEntry>().SingleAsync(a => a.EntityId == team.Id.ToString() && a.Action == AuditAction.Deleted, Ct);
        PlatformData.Changes(line)["Name"].ShouldBe(("Network", null));
    }

    [Theory, DatabaseData]
    public async Task AuditEntry_Modified_SaveIsRefusedAndTheLineStaysAsWritten(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");

        await using (var db = database.NewDbContext())
        {
            var line = await db.Set<AuditEntry>().SingleAsync(Ct);
            line.UserName = "someone-else";
            line.Changes = "{}";
            var error = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            error.Message.ShouldContain("append-only");
        }

        await using var read = database.NewDbContext();
        var stored = await read.Set<AuditEntry>().SingleAsync(Ct);
        stored.UserName.ShouldBe(TestUser.Admin.UserName);
        PlatformData.Changes(stored)["Name"].ShouldBe((null, "Finance"));
    }

    [Theory, DatabaseData]
    public async Task AuditEntry_Deleted_SaveIsRefusedAndTheLineRemains(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");

        await using (var db = database.NewDbContext())
        {
            db.Remove(await db.Set<AuditEntry>().SingleAsync(Ct));
            await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
        }

        await using var read = database.NewDbContext();
        (await read.Set<AuditEntry>().CountAsync(Ct)).ShouldBe(1);
    }
}
