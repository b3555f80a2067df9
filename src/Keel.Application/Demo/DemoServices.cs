using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Forms;

namespace Keel.Application.Demo;

/// <summary>
/// The demo portfolio: 25 services of a mid-size company with consumers, outcomes and costs, three catalogue items per
/// live service (60 in all), and an estate of about 2,000 CIs (application stacks, shared infrastructure, laptops).
/// </summary>
internal static class DemoServices
{
    private sealed record Definition(
        string Name, string Description, string Team, int Criticality, ServiceLifecycle Lifecycle,
        string OutcomeName, string OutcomeUnit, OutcomeBasis Basis, long YearlyEuros, string[] Consumers);

    private static readonly Definition[] Portfolio =
    [
        new("Workplace Services", "Your laptop, phone and the software on them: set up, kept safe and replaced when they fail.", "Workplace", 2, ServiceLifecycle.Live, "Productive workforce", "OPS", OutcomeBasis.CostAvoided, 900_000, ["SAL", "FIN", "OPS", "HR", "MKT", "RND"]),
        new("Remote Access", "Reach the company network safely from home or on the road.", "Network", 2, ServiceLifecycle.Live, "Work from anywhere", "SAL", OutcomeBasis.RiskReduced, 300_000, ["SAL", "FIN", "RND"]),
        new("Email & Calendar", "Mail, calendars and shared mailboxes on every device.", "Collaboration", 1, ServiceLifecycle.Live, "Customer correspondence", "SAL", OutcomeBasis.RevenueEnabled, 1_200_000, ["SAL", "FIN", "OPS", "HR", "MKT", "RND"]),
        new("Video Meetings", "Meet colleagues and customers by video, with screen sharing and recordings.", "Collaboration", 3, ServiceLifecycle.Live, "Less travel", "SAL", OutcomeBasis.CostAvoided, 450_000, ["SAL", "MKT", "RND"]),
        new("Intranet", "News, policies and the people directory in one place.", "Collaboration", 4, ServiceLifecycle.Live, "Informed employees", "HR", OutcomeBasis.CostAvoided, 80_000, ["HR", "OPS"]),
        new("ERP Finance", "Bookkeeping, invoices, payments and month-end close.", "ERP Applications", 1, ServiceLifecycle.Live, "Timely financial close", "FIN", OutcomeBasis.Regulatory, 2_000_000, ["FIN"]),
        new("ERP Purchasing", "Order from suppliers, approve purchases and receive goods.", "ERP Applications", 2, ServiceLifecycle.Live, "Negotiated savings", "FIN", OutcomeBasis.CostAvoided, 750_000, ["FIN", "OPS"]),
        new("Production Planning", "Plan what the plants make, when, and with which materials.", "ERP Applications", 1, ServiceLifecycle.Live, "On-time delivery", "OPS", OutcomeBasis.RevenueEnabled, 3_500_000, ["OPS"]),
        new("Warehouse & Logistics", "Stock, picking, shipping and tracking of every delivery.", "ERP Applications", 1, ServiceLifecycle.Live, "Orders shipped same day", "OPS", OutcomeBasis.RevenueEnabled, 2_800_000, ["OPS", "SAL"]),
        new("CRM", "Customers, contacts, opportunities and forecasts for the sales team.", "CRM Applications", 1, ServiceLifecycle.Live, "Pipeline visibility", "SAL", OutcomeBasis.RevenueEnabled, 4_000_000, ["SAL", "MKT"]),
        new("Customer Service Desk", "Handle customer cases by phone, email and chat.", "CRM Applications", 2, ServiceLifecycle.Live, "Retained customers", "OPS", OutcomeBasis.RevenueEnabled, 1_500_000, ["OPS", "SAL"]),
        new("Marketing Automation", "Campaigns, newsletters and lead scoring.", "CRM Applications", 3, ServiceLifecycle.Live, "Qualified leads", "MKT", OutcomeBasis.RevenueEnabled, 900_000, ["MKT"]),
        new("Company Website", "The public website and online product catalogue.", "Software Engineering", 2, ServiceLifecycle.Live, "Online enquiries", "MKT", OutcomeBasis.RevenueEnabled, 1_100_000, ["MKT", "SAL"]),
        new("HR & Payroll", "Contracts, absences, payslips and the employee self-service.", "HR Systems", 1, ServiceLifecycle.Live, "Correct pay on time", "HR", OutcomeBasis.Regulatory, 600_000, ["HR", "FIN"]),
        new("Recruiting", "Job ads, applications and interviews.", "HR Systems", 3, ServiceLifecycle.Live, "Faster hiring", "HR", OutcomeBasis.CostAvoided, 250_000, ["HR"]),
        new("Learning Platform", "Courses and mandatory training with certificates.", "HR Systems", 4, ServiceLifecycle.Live, "Compliance training done", "HR", OutcomeBasis.Regulatory, 150_000, ["HR", "OPS", "RND"]),
        new("Reporting & Analytics", "Dashboards and reports on sales, finance and operations.", "Data & Analytics", 2, ServiceLifecycle.Live, "Decisions on facts", "FIN", OutcomeBasis.CostAvoided, 700_000, ["FIN", "SAL", "OPS"]),
        new("Product Data Management", "Drawings, bills of material and product versions for engineering.", "Software Engineering", 2, ServiceLifecycle.Live, "Faster product launches", "RND", OutcomeBasis.RevenueEnabled, 1_800_000, ["RND", "OPS"]),
        new("Identity & Sign-in", "One account and secure sign-in for every application.", "Identity & Access", 1, ServiceLifecycle.Live, "Breaches avoided", "FIN", OutcomeBasis.RiskReduced, 1_000_000, ["SAL", "FIN", "OPS", "HR", "MKT", "RND"]),
        new("File Sharing", "Team sites and shared folders, inside and outside the company.", "Collaboration", 3, ServiceLifecycle.Live, "Easier collaboration", "RND", OutcomeBasis.CostAvoided, 200_000, ["RND", "MKT", "SAL"]),
        new("Customer Self-Service Portal", "Lets customers track orders and open cases without calling us.", "Software Engineering", 2, ServiceLifecycle.Pipeline, "Calls avoided", "OPS", OutcomeBasis.CostAvoided, 500_000, ["OPS"]),
        new("E-Invoicing", "Send and receive invoices electronically, as the law will require.", "ERP Applications", 2, ServiceLifecycle.Pipeline, "E-invoicing mandate met", "FIN", OutcomeBasis.Regulatory, 300_000, ["FIN"]),
        new("Data Platform", "One place for the company's data, ready for analysis and AI.", "Data & Analytics", 3, ServiceLifecycle.Pipeline, "New analytics products", "RND", OutcomeBasis.RevenueEnabled, 800_000, ["RND", "FIN"]),
        new("Legacy Fax Gateway", "Sent and received faxes by email; replaced by e-invoicing and secure mail.", "Collaboration", 4, ServiceLifecycle.Retired, "Supplier orders by fax", "FIN", OutcomeBasis.CostAvoided, 10_000, ["FIN"]),
        new("Old Expense Tool", "Expense claims before the ERP took them over.", "ERP Applications", 4, ServiceLifecycle.Retired, "Expense claims", "FIN", OutcomeBasis.CostAvoided, 20_000, ["FIN"]),
    ];

    /// <summary>The cost items a service may have, each with its usual part of the service's monthly running costs.</summary>
    private static readonly (string Name, CostCategory Category, decimal Part)[] CostTemplates =
    [
        ("Licences and subscriptions", CostCategory.Licences, 0.45m),
        ("Hosting and infrastructure", CostCategory.Infrastructure, 0.30m),
        ("Vendor support contract", CostCategory.Vendors, 0.17m),
        ("Monitoring and backup", CostCategory.Other, 0.08m),
    ];

    public static void Build(DemoSeedContext context, DemoOrganization org, ServicesSeed seed)
    {
        var random = context.Random;
        var owners = org.InRole(Roles.ServiceOwner).OrderBy(p => p.UserName, StringComparer.Ordinal).ToList();
        var ownerAccount = org.Person(DemoAccounts.Owner);
        var units = org.BusinessUnits.ToDictionary(u => u.Code, StringComparer.Ordinal);
        var teams = org.Teams.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var desk = org.Team(TeamCatalog.ServiceDesk.Name);
        var services = new List<Service>();
        for (var i = 0; i < Portfolio.Length; i++)
        {
            var d = Portfolio[i];
            // The demo owner account owns several live services, as API.md promises.
            var owner = i % 3 == 0 || i < 2 ? ownerAccount : owners[i % owners.Count];
            var team = teams.GetValueOrDefault(d.Team) ?? desk;
            var service = seed.AddService(context, d.Name, d.Description, owner.Id, team.Id, d.Lifecycle, d.Criticality);
            var profile = DemoServiceProfiles.Of(d.Name);
            service.ExperienceTarget = profile.Target;
            service.SurveySampleRate = profile.SampleRate;
            services.Add(service);
            var consumers = d.Consumers.Where(units.ContainsKey).ToList();
            for (var c = 0; c < consumers.Count; c++)
            {
                // Even fixed shares to four decimals; the last consumer takes the rest so they add up to exactly 1.
                var share = c < consumers.Count - 1 ? decimal.Round(1m / consumers.Count, 4) : 1m - (decimal.Round(1m / consumers.Count, 4) * (consumers.Count - 1));
                seed.AddConsumer(context, service, units[consumers[c]], ShareOf(i, c, consumers.Count, share));
            }
            seed.AddOutcome(context, service, d.OutcomeName, units.GetValueOrDefault(d.OutcomeUnit) ?? units.Values.First(), d.YearlyEuros,
                d.Basis, (random.Next(8) + 2) / 10m);
            foreach (var (name, category, part) in CostTemplates.Where((_, k) => k < 2 || random.Chance(0.6)))
            {
                // Its part of the service's running costs, give or take a fifth, in round 50 euros.
                var euros = profile.MonthlyEuros * part * (0.8m + (random.Next(41) / 100m));
                seed.AddCost(context, service, name, category, Math.Max(50, (long)Math.Round(euros / 50) * 50));
            }
            if (d.Lifecycle == ServiceLifecycle.Live)
            {
                AddCatalogue(context, seed, service, team, d, units);
            }
        }
        seed.AddPool(context, "Data centre Frankfurt", 42_000, AllocationBasis.Tickets);
        seed.AddPool(context, "Network backbone", 18_500, AllocationBasis.ConsumingUsers);
        seed.AddPool(context, "Service desk tooling", 6_400, AllocationBasis.FixedShares,
            (services[0], 0.4m), (services[2], 0.25m), (services[9], 0.2m), (services[18], 0.15m));
        DemoEstate.Build(context, seed, services);
        // Ids of their own, so the estate and the work history keep the ids they had before services had more than one outcome.
        var outcomeIds = new DemoRandom(DemoSeedContext.Seed + 9);
        foreach (var extra in DemoServiceProfiles.ExtraOutcomes)
        {
            seed.AddOutcome(context, services.Single(s => s.Name == extra.Service), extra.Name, units[extra.Unit], extra.YearlyEuros, extra.Basis,
                extra.Contribution, outcomeIds);
        }
    }

    /// <summary>
    /// How a consumer of the <paramref name="service"/>-th service pays: every fourth service is shared by tickets alone;
    /// on every fourth from the second, the first consumer pays a fixed half by agreement and the others by their tickets;
    /// the rest by even fixed shares.
    /// </summary>
    private static decimal? ShareOf(int service, int consumer, int consumers, decimal evenShare) => (service % 4, consumer) switch
    {
        (3, _) => null,
        (1, 0) when consumers > 1 => 0.5m,
        (1, _) when consumers > 1 => null,
        _ => evenShare,
    };

    private static void AddCatalogue(DemoSeedContext context, ServicesSeed seed, Service service, Domain.Platform.Team team, Definition d,
        Dictionary<string, BusinessUnit> units)
    {
        var consumers = d.Consumers.Where(units.ContainsKey).Select(c => units[c]).ToList();
        var onlyConsumers = consumers.Count < units.Count ? consumers : null;
        seed.AddItem(context, service, $"Access to {service.Name}", $"Get an account or more rights in {service.Name}.", AccessForm, onlyConsumers,
            ApprovalNeed.RequesterManager, [new FulfilmentTaskTemplate { Title = "Grant access", TeamId = team.Id, Order = 1 }], 16);
        seed.AddItem(context, service, $"Change request for {service.Name}", $"Ask for a new feature or a change in {service.Name}.", ChangeForm, onlyConsumers,
            ApprovalNeed.ServiceOwner,
            [
                new FulfilmentTaskTemplate { Title = "Assess the change", TeamId = team.Id, Order = 1 },
                new FulfilmentTaskTemplate { Title = "Build and release", TeamId = team.Id, Order = 2 },
            ], 240);
        seed.AddItem(context, service, $"Training on {service.Name}", $"A session for you or your team on {service.Name}.", TrainingForm, onlyConsumers,
            ApprovalNeed.None, [new FulfilmentTaskTemplate { Title = "Schedule the session", TeamId = team.Id, Order = 1 }], 120);
    }

    private static readonly FormDefinition AccessForm = new()
    {
        Fields =
        [
            new FormField { Key = "access_level", Label = "Access level", Type = FieldType.Choice, Required = true, Options = ["Read", "Edit", "Administer"] },
            new FormField { Key = "justification", Label = "Why do you need administrator rights?", Type = FieldType.LongText, Required = true,
                ShowIf = new ShowIf { Field = "access_level", Values = ["Administer"] } },
            new FormField { Key = "for_person", Label = "For whom? (leave empty for yourself)", Type = FieldType.Person },
        ],
    };

    private static readonly FormDefinition ChangeForm = new()
    {
        Fields =
        [
            new FormField { Key = "summary", Label = "What should change?", Type = FieldType.Text, Required = true, MaxLength = 200 },
            new FormField { Key = "details", Label = "Details and the benefit for your team", Type = FieldType.LongText, Required = true },
            new FormField { Key = "wanted_by", Label = "Wanted by", Type = FieldType.Date },
        ],
    };

    private static readonly FormDefinition TrainingForm = new()
    {
        Fields =
        [
            new FormField { Key = "format", Label = "Format", Type = FieldType.Choice, Required = true, Options = ["Online", "On site"] },
            new FormField { Key = "location", Label = "Where?", Type = FieldType.Text, Required = true, ShowIf = new ShowIf { Field = "format", Values = ["On site"] } },
            new FormField { Key = "participants", Label = "Participants", Type = FieldType.Number, Required = true, Min = 1, Max = 30 },
            new FormField { Key = "topics", Label = "Topics", Type = FieldType.MultiChoice, Options = ["Basics", "Reports", "Administration"] },
        ],
    };
}
