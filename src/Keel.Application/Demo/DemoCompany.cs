using Keel.Application.Platform;
using Keel.Domain.Platform;
using static Keel.Application.Demo.DemoAccounts;

namespace Keel.Application.Demo;

/// <summary>
/// The demo profile: a mid-size company of about 300 people. A CEO at the top; the business units' heads and
/// the Head of IT below; IT split into three divisions of fifteen teams; the rest of the headcount spread over
/// the business units by size, each with a few managers. The demo accounts sit where their role belongs.
/// </summary>
internal static class DemoCompany
{
    public const int Headcount = 300;

    public static DemoOrganization Build(DemoSeedContext context)
    {
        var org = new OrganizationBuilder(context);
        var units = BusinessUnitCatalog.All.ToDictionary(d => d, org.AddBusinessUnit);

        var ceo = org.AddPerson("Chief Executive Officer", null, null, Roles.Executive, Roles.Requester);
        var leader = org.AddAccount(Leader, null, ceo);
        var heads = units.ToDictionary(u => u.Key, u => u.Key == BusinessUnitCatalog.Finance
            ? org.AddAccount(Exec, u.Value, ceo)
            : org.AddPerson(u.Key.HeadTitle, u.Value, ceo, Roles.Executive, Roles.Requester));

        AddItDepartment(org, leader);
        AddBusinessStaff(org, units, heads);
        return org.Organization;
    }

    private static void AddItDepartment(OrganizationBuilder org, KeelUser leader)
    {
        var divisionHeads = Enum.GetValues<ItDivision>().ToDictionary(d => d, d =>
            org.AddPerson(TeamCatalog.HeadTitle(d), null, leader, Roles.Agent, Roles.Requester));
        var operations = divisionHeads[ItDivision.InfrastructureAndOperations];

        org.AddAccount(Admin, null, leader);
        org.AddAccount(Owner, null, leader);
        org.AddAccount(Cab, null, leader);
        org.AddAccount(Cab2, null, divisionHeads[ItDivision.Security]);
        org.AddAccount(ChangeManager, null, operations);
        org.AddAccount(ProblemManager, null, operations);

        // More service owners, so that the portfolio is not owned by one person.
        org.AddPerson("Service Owner, Business Applications", null, leader, Roles.ServiceOwner, Roles.Agent, Roles.Requester);
        org.AddPerson("Service Owner, Collaboration", null, leader, Roles.ServiceOwner, Roles.Agent, Roles.Requester);

        foreach (var definition in TeamCatalog.All)
        {
            AddTeam(org, definition, divisionHeads[definition.Division]);
        }
    }

    private static void AddTeam(OrganizationBuilder org, TeamDefinition definition, KeelUser divisionHead)
    {
        var isServiceDesk = definition == TeamCatalog.ServiceDesk;
        var lead = isServiceDesk
            ? org.AddAccount(Lead, null, divisionHead)
            : org.AddPerson(definition.LeadTitle, null, divisionHead, Roles.TeamLead, Roles.Agent, Roles.Requester);
        var team = org.AddTeam(definition, lead);
        var members = definition.DemoMembers;
        if (isServiceDesk)
        {
            org.AddMember(team, org.AddAccount(Agent, null, lead));
            org.AddMember(team, org.AddAccount(Agent2, null, lead));
            members -= 2;
        }
        for (var i = 0; i < members; i++)
        {
            var title = org.Random.Pick(definition.MemberTitles);
            org.AddMember(team, org.AddPerson(title, null, lead, Roles.Agent, Roles.Requester));
        }
    }

    private static void AddBusinessStaff(
        OrganizationBuilder org,
        Dictionary<BusinessUnitDefinition, BusinessUnit> units,
        Dictionary<BusinessUnitDefinition, KeelUser> heads)
    {
        var remaining = Headcount - org.Organization.People.Count;
        var shares = Apportion(remaining, [.. units.Keys.Select(d => d.HeadcountWeight)]);
        foreach (var (definition, share) in units.Keys.Zip(shares))
        {
            var unit = units[definition];
            // One manager per dozen people, at least two, each heading one department.
            var managerCount = Math.Clamp(share / 12, 2, definition.ManagerTitles.Count);
            var managers = definition.ManagerTitles.Take(managerCount)
                .Select(title => org.AddPerson(title, unit, heads[definition], Roles.Requester))
                .ToList();
            var staff = share - managerCount;
            if (definition == BusinessUnitCatalog.Sales)
            {
                org.AddAccount(Requester, unit, managers[0]);
                staff--;
            }
            if (definition == BusinessUnitCatalog.Finance)
            {
                org.AddAccount(Requester2, unit, managers[0]);
                staff--;
            }
            for (var i = 0; i < staff; i++)
            {
                org.AddPerson(org.Random.Pick(definition.StaffTitles), unit, managers[i % managers.Count], Roles.Requester);
            }
        }
    }

    /// <summary>Splits a total by weights, exactly (largest remainder), so the headcount lands on the target.</summary>
    internal static IReadOnlyList<int> Apportion(int total, IReadOnlyList<int> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => (double)total * w / sum).ToList();
        var shares = exact.Select(e => (int)Math.Floor(e)).ToList();
        var byRemainder = exact.Select((e, i) => (Remainder: e - Math.Floor(e), Index: i))
            .OrderByDescending(x => x.Remainder).ThenBy(x => x.Index);
        foreach (var (_, index) in byRemainder.Take(total - shares.Sum()))
        {
            shares[index]++;
        }
        return shares;
    }
}
