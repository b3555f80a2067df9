using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Demo;

public sealed class DemoSeederTinyTests(DatabaseFixture databases)
{
    private const string Password = "Demo-Passw0rd!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_EveryDemoAccountHasExactlyItsRole(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var organization = await SeedTinyAsync(database);

        foreach (var account in DemoAccounts.All)
        {
            organization.RolesOf(account.UserName).ShouldBe([account.Role], $"roles of {account.UserName}");
        }
        organization.RolesOf("admin").ShouldBe([Roles.Admin]);
        organization.RolesOf("cab2").ShouldBe([Roles.CabMember]);
        organization.RolesOf("requester2").ShouldBe([Roles.Requester]);
    }

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_AllTenRolesExist(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var organization = await SeedTinyAsync(database);

        organization.RoleNames.ShouldBe(Roles.All, ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_LeadLeadsServiceDeskAndAgentsAreItsMembers(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var organization = await SeedTinyAsync(database);

        var serviceDesk = organization.Team("Service Desk");
        serviceDesk.LeadId.ShouldBe(organization.Person("lead").Id);
        var members = serviceDesk.Members.Select(m => m.UserId).ToList();
        members.ShouldContain(organization.Person("agent").Id);
        members.ShouldContain(organization.Person("agent2").Id);
        members.ShouldContain(organization.Person("lead").Id);
        serviceDesk.HourlyRateMinor.ShouldBeGreaterThan(0);
    }

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_RequestersAreInTwoDifferentBusinessUnits(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var organization = await SeedTinyAsync(database);

        var first = organization.Person("requester").BusinessUnitId.ShouldNotBeNull();
        var second = organization.Person("requester2").BusinessUnitId.ShouldNotBeNull();
        first.ShouldNotBe(second);
        organization.BusinessUnits.Select(u => u.Id).ShouldContain(first);
        organization.BusinessUnits.Select(u => u.Id).ShouldContain(second);
    }

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_EveryAccountSignsInWithTheDemoPassword(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var organization = await SeedTinyAsync(database);

        // One shared hash (hashing costs ~40 ms), so checking it once checks every account.
        var hash = organization.People.Select(p => p.PasswordHash).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
        var hasher = new PasswordHasher<KeelUser>();
        var admin = organization.Person("admin");
        hasher.VerifyHashedPassword(admin, hash, Password).ShouldBe(PasswordVerificationResult.Success);
        hasher.VerifyHashedPassword(admin, hash, "wrong").ShouldBe(PasswordVerificationResult.Failed);
    }

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_AccountsAreReadyForIdentity(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var organization = await SeedTinyAsync(database);

        var admin = organization.Person("admin");
        admin.NormalizedUserName.ShouldBe("ADMIN");
        admin.NormalizedEmail.ShouldBe(admin.Email!.ToUpperInvariant());
        admin.EmailConfirmed.ShouldBeTrue();
        admin.LockoutEnabled.ShouldBeTrue();
        admin.IsActive.ShouldBeTrue();
        admin.SecurityStamp.ShouldNotBeNullOrEmpty();
        admin.ConcurrencyStamp.ShouldNotBeNullOrEmpty();
        admin.CreatedAt.ShouldBe(TestDatabase.Start.UtcDateTime);
        organization.People.ShouldAllBe(p => TimeZones.IsValid(p.TimeZone));
        organization.People.Select(p => p.SecurityStamp).Distinct().Count().ShouldBe(organization.People.Count);
    }

    [Theory, DatabaseData]
    public async Task Tiny_SeededTwice_SecondSeedChangesNothingAndSaysSo(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await SeedTinyAsync(database);
        var before = await SnapshotAsync(database);

        DemoSeedResult again;
        await using (var db = database.NewDbContext())
        {
            (await DemoSeeder.CanSeedAsync(db, Ct)).ShouldBeFalse();
            again = await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, Password, database.Time, Ct);
        }

        again.Seeded.ShouldBeFalse();
        again.Summary.ShouldContain("already has users");
        (await SnapshotAsync(database)).ShouldBe(before);
    }

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_SummaryCountsWhatWasCreated(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        DemoSeedResult result;
        await using (var db = database.NewDbContext())
        {
            result = await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, Password, database.Time, Ct);
        }
        await using var read = database.NewDbContext();
        var organization = await SeededOrganization.LoadAsync(read, Ct);

        result.Seeded.ShouldBeTrue();
        result.CountOf("roles").ShouldBe(10);
        result.CountOf("people").ShouldBe(organization.People.Count);
        result.CountOf("teams").ShouldBe(organization.Teams.Count);
        result.CountOf("business units").ShouldBe(organization.BusinessUnits.Count);
        result.Summary.ShouldStartWith("seeded tiny profile: 10 roles");
    }

    [Theory, DatabaseData]
    public async Task Tiny_RolesAlreadyCreatedByTheHost_AreReusedNotDuplicated(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using (var db = database.NewDbContext())
        {
            db.Roles.Add(new KeelRole(Roles.Admin) { Id = Guid.NewGuid() });
            await db.SaveChangesAsync(Ct);
        }

        var organization = await SeedTinyAsync(database);

        organization.RoleNames.ShouldBe(Roles.All, ignoreOrder: true);
        organization.RolesOf("admin").ShouldBe([Roles.Admin]);
    }

    private static async Task<SeededOrganization> SeedTinyAsync(TestDatabase database)
    {
        await using (var db = database.NewDbContext())
        {
            var result = await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, Password, database.Time, Ct);
            result.Seeded.ShouldBeTrue(result.Summary);
        }
        await using var read = database.NewDbContext();
        return await SeededOrganization.LoadAsync(read, Ct);
    }

    private static async Task<string> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.NewDbContext();
        var counts = new[]
        {
            await db.Users.CountAsync(Ct), await db.Roles.CountAsync(Ct), await db.UserRoles.CountAsync(Ct),
            await db.Set<Team>().CountAsync(Ct), await db.Set<TeamMember>().CountAsync(Ct),
            await db.Set<BusinessUnit>().CountAsync(Ct), await db.Set<AuditEntry>().CountAsync(Ct),
        };
        var stamps = await db.Users.OrderBy(u => u.UserName).Select(u => u.UserName + ":" + u.ConcurrencyStamp).ToListAsync(Ct);
        return string.Join(",", counts) + "|" + string.Join(",", stamps);
    }
}
