namespace Keel.Application.Demo;

/// <summary>The three parts of the demo IT department; each team reports to the head of one.</summary>
internal enum ItDivision
{
    InfrastructureAndOperations,
    BusinessApplications,
    Security,
}

/// <summary>An IT team of the demo company: what it does, what an hour of it costs (euro cents), who works in it.</summary>
internal sealed record TeamDefinition(
    string Name,
    string Description,
    long HourlyRateMinor,
    ItDivision Division,
    string LeadTitle,
    IReadOnlyList<string> MemberTitles,
    int DemoMembers);

internal static class TeamCatalog
{
    public static readonly TeamDefinition ServiceDesk = new(
        DemoAccounts.ServiceDeskTeam,
        "First line for every incident and request: phone, chat and portal; resolves what it can, routes the rest.",
        5_500, ItDivision.InfrastructureAndOperations, "Service Desk Lead",
        ["Service Desk Analyst", "Senior Service Desk Analyst"], DemoMembers: 11);

    public static readonly TeamDefinition Network = new(
        "Network",
        "LAN, WAN, Wi-Fi, VPN and firewalls at every site.",
        8_500, ItDivision.InfrastructureAndOperations, "Network Team Lead",
        ["Network Engineer", "Senior Network Engineer"], DemoMembers: 5);

    public static readonly IReadOnlyList<TeamDefinition> All =
    [
        ServiceDesk,
        new("Workplace",
            "Laptops, phones, printers and meeting rooms; on-site support, joiners and leavers' equipment.",
            6_000, ItDivision.InfrastructureAndOperations, "Workplace Team Lead",
            ["Workplace Technician", "Endpoint Engineer"], DemoMembers: 6),
        Network,
        new("Cloud Platform",
            "Landing zones, Kubernetes clusters and the deployment pipeline the product teams build on.",
            9_500, ItDivision.InfrastructureAndOperations, "Cloud Platform Lead",
            ["Cloud Engineer", "Site Reliability Engineer"], DemoMembers: 5),
        new("Server & Storage",
            "Virtual servers, storage, backup and restore in both data centres.",
            8_000, ItDivision.InfrastructureAndOperations, "Server & Storage Lead",
            ["Systems Engineer", "Backup Administrator"], DemoMembers: 4),
        new("Database Administration",
            "Operates, tunes and patches the company's databases.",
            9_000, ItDivision.InfrastructureAndOperations, "Database Team Lead",
            ["Database Administrator"], DemoMembers: 3),
        new("Collaboration",
            "Email, chat, video meetings, intranet and document management.",
            7_000, ItDivision.InfrastructureAndOperations, "Collaboration Team Lead",
            ["Collaboration Engineer", "Messaging Administrator"], DemoMembers: 4),
        new("ERP Applications",
            "The ERP system for finance, purchasing, production planning and logistics.",
            10_500, ItDivision.BusinessApplications, "ERP Team Lead",
            ["ERP Consultant", "ERP Developer"], DemoMembers: 6),
        new("CRM Applications",
            "The CRM and quoting tools that Sales, Marketing and Customer Service live in.",
            9_500, ItDivision.BusinessApplications, "CRM Team Lead",
            ["CRM Consultant", "CRM Developer"], DemoMembers: 4),
        new("HR Systems",
            "Payroll, the HR portal, recruiting and time tracking.",
            8_500, ItDivision.BusinessApplications, "HR Systems Lead",
            ["HR Systems Analyst"], DemoMembers: 3),
        new("Data & Analytics",
            "The data warehouse, reporting and dashboards for every business unit.",
            10_000, ItDivision.BusinessApplications, "Data & Analytics Lead",
            ["Data Engineer", "BI Developer", "Data Analyst"], DemoMembers: 5),
        new("Integration",
            "Interfaces and APIs between the company's systems and its partners.",
            9_500, ItDivision.BusinessApplications, "Integration Team Lead",
            ["Integration Developer"], DemoMembers: 3),
        new("Software Engineering",
            "In-house applications, the customer portal and the laboratory systems of R&D.",
            10_000, ItDivision.BusinessApplications, "Engineering Manager",
            ["Software Engineer", "Senior Software Engineer", "QA Engineer"], DemoMembers: 6),
        new("Security Operations",
            "Monitors threats, runs vulnerability management and responds to security incidents.",
            11_000, ItDivision.Security, "Security Operations Lead",
            ["Security Analyst", "Security Engineer"], DemoMembers: 5),
        new("Identity & Access",
            "Accounts, single sign-on, multi-factor authentication and access reviews.",
            8_000, ItDivision.Security, "Identity & Access Lead",
            ["Identity Engineer", "Access Administrator"], DemoMembers: 4),
    ];

    /// <summary>The head of each IT division, who reports to the Head of IT.</summary>
    public static string HeadTitle(ItDivision division) => division switch
    {
        ItDivision.InfrastructureAndOperations => "Head of Infrastructure & Operations",
        ItDivision.BusinessApplications => "Head of Business Applications",
        ItDivision.Security => "Chief Information Security Officer",
        _ => throw new ArgumentOutOfRangeException(nameof(division), division, "Unknown IT division."),
    };
}
