namespace Keel.Application.Demo;

/// <summary>A business unit of the demo company, with the titles its people carry.</summary>
internal sealed record BusinessUnitDefinition(
    string Name,
    string Code,
    string Description,
    string HeadTitle,
    IReadOnlyList<string> ManagerTitles,
    IReadOnlyList<string> StaffTitles,
    int HeadcountWeight);

internal static class BusinessUnitCatalog
{
    public static readonly BusinessUnitDefinition Sales = new(
        "Sales", "SAL", "Wins and keeps customers across Europe and North America.",
        "Chief Sales Officer",
        ["Regional Sales Director", "Inside Sales Manager", "Key Account Director"],
        ["Account Executive", "Key Account Manager", "Inside Sales Representative", "Sales Operations Analyst", "Pre-Sales Consultant"],
        HeadcountWeight: 50);

    public static readonly BusinessUnitDefinition Finance = new(
        "Finance", "FIN", "Accounting, controlling, treasury and procurement.",
        "Chief Financial Officer",
        ["Head of Accounting", "Head of Controlling", "Procurement Manager"],
        ["Financial Analyst", "Accountant", "Controller", "Accounts Payable Specialist", "Buyer"],
        HeadcountWeight: 20);

    public static readonly BusinessUnitDefinition Operations = new(
        "Operations", "OPS", "Manufacturing, logistics and customer service.",
        "Chief Operating Officer",
        ["Plant Manager", "Logistics Manager", "Customer Service Manager", "Quality Manager"],
        ["Production Planner", "Logistics Coordinator", "Customer Service Agent", "Quality Engineer", "Warehouse Supervisor"],
        HeadcountWeight: 55);

    public static readonly BusinessUnitDefinition HumanResources = new(
        "Human Resources", "HR", "Recruiting, payroll, learning and employee relations.",
        "Chief People Officer",
        ["Head of Talent Acquisition", "Payroll Manager"],
        ["HR Business Partner", "Recruiter", "Payroll Specialist", "Learning & Development Specialist"],
        HeadcountWeight: 16);

    public static readonly BusinessUnitDefinition Marketing = new(
        "Marketing", "MKT", "Brand, campaigns, events and the website.",
        "Chief Marketing Officer",
        ["Head of Digital Marketing", "Brand Manager"],
        ["Marketing Specialist", "Content Manager", "Campaign Manager", "Graphic Designer", "Event Manager"],
        HeadcountWeight: 18);

    public static readonly BusinessUnitDefinition ResearchAndDevelopment = new(
        "Research & Development", "RND", "Product research, engineering and the test laboratories.",
        "Chief Technology Officer",
        ["Engineering Manager", "Laboratory Manager", "Product Manager"],
        ["Development Engineer", "Test Engineer", "Research Scientist", "Laboratory Technician", "Product Designer"],
        HeadcountWeight: 40);

    public static readonly IReadOnlyList<BusinessUnitDefinition> All =
        [Sales, Finance, Operations, HumanResources, Marketing, ResearchAndDevelopment];
}
