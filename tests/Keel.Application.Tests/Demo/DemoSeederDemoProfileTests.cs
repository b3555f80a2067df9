using System.Collections.Concurrent;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;

namespace Keel.Application.Tests.Demo;

public sealed class DemoSeederDemoProfileTests(DatabaseFixture databases)
{
    private const string Password = "Demo-Passw0rd!";

    // The demo profile takes a few seconds to seed: the read-only tests share one seed per provider.
    private static readonly ConcurrentDictionary<DatabaseProvider, Lazy<Task<SeededOrganization>>> Seeded = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Demo_Seeded_SixBusinessUnitsWithCodesAndFifteenTeamsEachWithALead(DatabaseProvider provider)
    {
        var organization = await SharedSeedAsync(provider);

        organization.BusinessUnits.Count.ShouldBe(6);
        organization.BusinessUnits.ShouldAllBe(u => u.Code.Length > 0);
        organization.BusinessUnits.Select(u => u.Name).ShouldContain("Research & Development");
        organization.Teams.Count.ShouldBe(15);
        var people = organization.People.ToDictionary(p => p.Id);
        foreach (var team in organization.Teams)
        {
            var lead = people[team.LeadId.ShouldNotBeNull($"{team.Name} has a lead")];
            organization.RolesOf(lead.UserName!).ShouldContain(Roles.TeamLead);
            team.Description.ShouldNotBeNullOrWhiteSpace();
            team.HourlyRateMinor.ShouldBeGreaterThan(0);
            team.Members.Count.ShouldBeGreaterThan(1);
        }
        organization.Team("Service Desk").LeadId.ShouldBe(organization.Person("lead").Id);
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_AboutThreeHundredPeopleInOneManagerChain(DatabaseProvider provider)
    {
        var organization = await SharedSeedAsync(provider);

        organization.People.Count.ShouldBeInRange(280, 320);
        var top = organization.People.Where(p => p.ManagerId is null).ShouldHaveSingleItem();
        top.JobTitle.ShouldBe("Chief Executive Officer");
        var managers = organization.People.ToDictionary(p => p.Id, p => p.ManagerId);
        foreach (var person in organization.People)
        {
            ChainToTop(person.Id, managers).ShouldBe(top.Id, $"{person.UserName} reaches the top without a loop");
        }
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_PeopleLookLikeACompany(DatabaseProvider provider)
    {
        var organization = await SharedSeedAsync(provider);

        organization.People.ShouldAllBe(p => !string.IsNullOrWhiteSpace(p.DisplayName) && !string.IsNullOrWhiteSpace(p.JobTitle));
        organization.People.Select(p => p.DisplayName).Distinct().Count().ShouldBe(organization.People.Count);
        var zones = organization.People.GroupBy(p => p.TimeZone).ToDictionary(g => g.Key, g => g.Count());
        zones.Keys.ShouldBe(["Europe/Berlin", "Europe/London", "America/New_York"], ignoreOrder: true);
        zones["Europe/Berlin"].ShouldBeGreaterThan(organization.People.Count / 2);
        foreach (var account in DemoAccounts.All)
        {
            organization.RolesOf(account.UserName).ShouldBe([account.Role], $"roles of {account.UserName}");
        }
        var generated = organization.People.Where(p => DemoAccounts.All.All(a => a.UserName != p.UserName)).ToList();
        generated.ShouldAllBe(p => organization.RolesOf(p.UserName!).Contains(Roles.Requester) || organization.RolesOf(p.UserName!).Contains(Roles.Executive));
        var itStaff = organization.Teams.SelectMany(t => t.Members).Select(m => m.UserId).ToHashSet();
        organization.People.Where(p => itStaff.Contains(p.Id) && p.UserName != DemoAccounts.Lead)
            .ShouldAllBe(p => organization.RolesOf(p.UserName!).Contains(Roles.Agent));
        organization.BusinessUnits.ShouldAllBe(u => organization.People.Count(p => p.BusinessUnitId == u.Id) >= 10);
    }

    [Theory, DatabaseData]
    public async Task Demo_SeededIntoTwoDatabases_GivesTheSameOrganization(DatabaseProvider provider)
    {
        var one = await SharedSeedAsync(provider);
        await using var second = await databases.CreateAsync(provider, Ct);

        var other = await SeedDemoAsync(second);

        Describe(other).ShouldBe(Describe(one));
    }

    private static string[] Describe(SeededOrganization organization) =>
        [.. organization.People.Select(p => $"{p.Id} {p.UserName} {p.DisplayName} {p.JobTitle} {p.TimeZone} {p.ManagerId} {p.BusinessUnitId}")];

    private static Guid ChainToTop(Guid id, Dictionary<Guid, Guid?> managers)
    {
        var seen = new HashSet<Guid>();
        while (managers[id] is { } manager)
        {
            seen.Add(id).ShouldBeTrue("no loops in the manager chain");
            id = manager;
        }
        return id;
    }

    private Task<SeededOrganization> SharedSeedAsync(DatabaseProvider provider) =>
        Seeded.GetOrAdd(provider, p => new Lazy<Task<SeededOrganization>>(async () =>
        {
            // Read into memory, so the database itself can go at once.
            await using var database = await databases.CreateAsync(p, CancellationToken.None);
            return await SeedDemoAsync(database);
        })).Value;

    private static async Task<SeededOrganization> SeedDemoAsync(TestDatabase database)
    {
        await using (var db = database.NewDbContext())
        {
            // The organization is the subject here; the work history has tests of its own (WorkHistorySeedTests).
            var result = await DemoSeeder.SeedAsync(db, DemoProfile.Demo, Password, database.Time, new DemoSeedOptions { WorkItems = 0 }, progress: null, CancellationToken.None);
            result.Seeded.ShouldBeTrue(result.Summary);
        }
        await using var read = database.NewDbContext();
        return await SeededOrganization.LoadAsync(read, CancellationToken.None);
    }
}
