using Keel.Application.Platform;
using Keel.Domain.Platform;
using Microsoft.AspNetCore.Identity;

namespace Keel.Application.Demo;

/// <summary>
/// Builds the organization in memory (ids, names, manager chains, memberships, roles) without touching the
/// database; the organization step then adds it in one go.
/// </summary>
internal sealed class OrganizationBuilder(DemoSeedContext context)
{
    public const string EmailDomain = "keel-demo.example";

    private static readonly ILookupNormalizer Normalizer = new UpperInvariantLookupNormalizer();

    // Most of the company sits in Germany, with offices in London and New York.
    private static readonly IReadOnlyList<(string Zone, double Share)> ZoneShares =
        [("Europe/Berlin", 0.75), ("Europe/London", 0.15), ("America/New_York", 0.10)];

    private readonly HashSet<string> userNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> displayNames = new(StringComparer.Ordinal);

    public DemoOrganization Organization { get; } = new();

    public DemoRandom Random => context.Random;

    public BusinessUnit AddBusinessUnit(BusinessUnitDefinition definition)
    {
        var unit = new BusinessUnit
        {
            Id = context.Ids.NextGuid(),
            Name = definition.Name,
            Code = definition.Code,
            Description = definition.Description,
        };
        Organization.BusinessUnits.Add(unit);
        return unit;
    }

    /// <summary>Adds a team; its lead is a member too, so the team shows among the lead's teams.</summary>
    public Team AddTeam(TeamDefinition definition, KeelUser lead)
    {
        var team = new Team
        {
            Id = context.Ids.NextGuid(),
            Name = definition.Name,
            Description = definition.Description,
            HourlyRateMinor = definition.HourlyRateMinor,
            LeadId = lead.Id,
        };
        Organization.Teams.Add(team);
        AddMember(team, lead);
        return team;
    }

    public void AddMember(Team team, KeelUser person) =>
        team.Members.Add(new TeamMember { TeamId = team.Id, UserId = person.Id });

    /// <summary>Adds a demo account of API.md with its fixed name and exactly its one role.</summary>
    public KeelUser AddAccount(string userName, BusinessUnit? unit, KeelUser? manager)
    {
        var account = DemoAccounts.Get(userName);
        displayNames.Add(account.DisplayName);
        return Add(account.UserName, account.DisplayName, account.JobTitle, account.TimeZone, unit, manager, [account.Role]);
    }

    /// <summary>Adds a generated person with a fresh name from the lists and a time zone drawn by office size.</summary>
    public KeelUser AddPerson(string jobTitle, BusinessUnit? unit, KeelUser? manager, params string[] roles)
    {
        string first, last;
        do
        {
            first = context.Random.Pick(PersonNames.FirstNames);
            last = context.Random.Pick(PersonNames.LastNames);
        }
        while (!displayNames.Add($"{first} {last}"));
        return Add(UniqueUserName(PersonNames.UserNameFor(first, last)), $"{first} {last}", jobTitle, PickZone(), unit, manager, roles);
    }

    private KeelUser Add(
        string userName, string displayName, string jobTitle, string timeZone,
        BusinessUnit? unit, KeelUser? manager, IReadOnlyList<string> roles)
    {
        userNames.Add(userName);
        var email = $"{userName}@{EmailDomain}";
        var person = new KeelUser
        {
            Id = context.Ids.NextGuid(),
            UserName = userName,
            NormalizedUserName = Normalizer.NormalizeName(userName),
            Email = email,
            NormalizedEmail = Normalizer.NormalizeEmail(email),
            EmailConfirmed = true,
            PasswordHash = context.PasswordHash,
            SecurityStamp = NewStamp(),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            DisplayName = displayName,
            JobTitle = jobTitle,
            TimeZone = timeZone,
            BusinessUnitId = unit?.Id,
            ManagerId = manager?.Id,
            IsActive = true,
            CreatedAt = context.Now,
        };
        Organization.People.Add(person);
        Organization.RolesOf[person.Id] = [.. roles];
        return person;
    }

    private string UniqueUserName(string wanted)
    {
        var candidate = wanted;
        for (var n = 2; userNames.Contains(candidate); n++)
        {
            candidate = $"{wanted}{n}";
        }
        return candidate;
    }

    private string PickZone()
    {
        var roll = context.Random.Next(100) / 100.0;
        foreach (var (zone, share) in ZoneShares)
        {
            if (roll < share)
            {
                return zone;
            }
            roll -= share;
        }
        return ZoneShares[0].Zone;
    }

    // Security stamps guard sign-in cookies: random per account, unlike the seeded (predictable) names and ids.
    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
