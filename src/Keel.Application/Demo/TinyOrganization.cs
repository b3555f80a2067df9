using Keel.Domain.Platform;
using static Keel.Application.Demo.DemoAccounts;

namespace Keel.Application.Demo;

/// <summary>
/// The tiny profile: every demo account, the business units and teams they belong to, and a handful of
/// people around them (a CEO, a head of Sales, a second IT team), so that tests seed in a blink.
/// </summary>
internal static class TinyOrganization
{
    public static DemoOrganization Build(DemoSeedContext context)
    {
        var org = new OrganizationBuilder(context);
        var sales = org.AddBusinessUnit(BusinessUnitCatalog.Sales);
        var finance = org.AddBusinessUnit(BusinessUnitCatalog.Finance);

        var ceo = org.AddPerson("Chief Executive Officer", null, null, Roles.Executive, Roles.Requester);
        var leader = org.AddAccount(Leader, null, ceo);
        var exec = org.AddAccount(Exec, finance, ceo);
        var headOfSales = org.AddPerson(BusinessUnitCatalog.Sales.HeadTitle, sales, ceo, Roles.Executive, Roles.Requester);

        foreach (var userName in new[] { Admin, Owner, ChangeManager, Cab, Cab2, ProblemManager })
        {
            org.AddAccount(userName, null, leader);
        }

        var lead = org.AddAccount(Lead, null, leader);
        var serviceDesk = org.AddTeam(TeamCatalog.ServiceDesk, lead);
        org.AddMember(serviceDesk, org.AddAccount(Agent, null, lead));
        org.AddMember(serviceDesk, org.AddAccount(Agent2, null, lead));

        // A second team, so that routing and reassignment have somewhere to go.
        var networkLead = org.AddPerson(TeamCatalog.Network.LeadTitle, null, leader, Roles.TeamLead, Roles.Agent, Roles.Requester);
        var network = org.AddTeam(TeamCatalog.Network, networkLead);
        org.AddMember(network, org.AddPerson(TeamCatalog.Network.MemberTitles[0], null, networkLead, Roles.Agent, Roles.Requester));

        org.AddAccount(Requester, sales, headOfSales);
        org.AddAccount(Requester2, finance, exec);
        return org.Organization;
    }
}
