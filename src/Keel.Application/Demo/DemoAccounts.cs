using Keel.Domain.Platform;

namespace Keel.Application.Demo;

/// <summary>A demo account of API.md: a fixed user name with exactly one role.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, string JobTitle, string TimeZone);

/// <summary>The demo accounts that API.md promises, by user name; tests and scripts sign in with these.</summary>
public static class DemoAccounts
{
    public const string Admin = "admin";
    public const string Leader = "leader";
    public const string Exec = "exec";
    public const string Owner = "owner";
    public const string ChangeManager = "changemgr";
    public const string Cab = "cab";
    public const string Cab2 = "cab2";
    public const string ProblemManager = "problemmgr";
    public const string Lead = "lead";
    public const string Agent = "agent";
    public const string Agent2 = "agent2";
    public const string Requester = "requester";
    public const string Requester2 = "requester2";

    /// <summary>The team that <see cref="Lead"/> leads and <see cref="Agent"/> and <see cref="Agent2"/> work in.</summary>
    public const string ServiceDeskTeam = "Service Desk";

    /// <summary>The business unit of <see cref="Requester"/> (by code); <see cref="Requester2"/> and <see cref="Exec"/> are in Finance.</summary>
    public const string RequesterUnitCode = "SAL";

    public const string Requester2UnitCode = "FIN";

    private const string Berlin = "Europe/Berlin";
    private const string London = "Europe/London";

    public static readonly IReadOnlyList<DemoAccount> All =
    [
        new(Admin, "Adrian Adler", Roles.Admin, "IT Platform Administrator", Berlin),
        new(Leader, "Lena Lorenz", Roles.ItLeader, "Chief Information Officer", Berlin),
        new(Exec, "Elena Engel", Roles.Executive, "Chief Financial Officer", Berlin),
        new(Owner, "Oliver Ortmann", Roles.ServiceOwner, "Service Owner, Workplace Services", Berlin),
        new(ChangeManager, "Clara Conrad", Roles.ChangeManager, "Change Manager", Berlin),
        new(Cab, "Carsten Claassen", Roles.CabMember, "Enterprise Architect", Berlin),
        new(Cab2, "Chloe Carter", Roles.CabMember, "Security Architect", London),
        new(ProblemManager, "Paul Petersen", Roles.ProblemManager, "Problem Manager", Berlin),
        new(Lead, "Lukas Lehmann", Roles.TeamLead, "Service Desk Lead", Berlin),
        new(Agent, "Anna Albers", Roles.Agent, "Service Desk Analyst", Berlin),
        new(Agent2, "Arjun Arora", Roles.Agent, "Service Desk Analyst", Berlin),
        new(Requester, "Rita Richter", Roles.Requester, "Account Executive", Berlin),
        new(Requester2, "Robert Reid", Roles.Requester, "Financial Analyst", London),
    ];

    public static DemoAccount Get(string userName) =>
        All.FirstOrDefault(a => a.UserName == userName)
        ?? throw new ArgumentException($"'{userName}' is not a demo account.", nameof(userName));
}
