using Keel.Domain.Services;

namespace Keel.Application.Demo;

/// <summary>
/// How each demo service is run and how it feels to its users: the size of its running costs, the experience it aims
/// for, how many of its requesters are asked and answer, and how they rate it. One table, so the portfolio (targets,
/// sample rates, costs) and the surveys seeded over its history tell the same story: Email &amp; Calendar and Video
/// Meetings are clearly liked, ERP Purchasing and Remote Access clearly are not.
/// </summary>
internal static class DemoServiceProfiles
{
    /// <param name="Target">The experience level agreement: the score 0–100 the service aims for.</param>
    /// <param name="SampleRate">The share of resolved items whose requester is asked; busy services ask fewer.</param>
    /// <param name="Satisfaction">The mean rating (1–5) of an item that went well; breaches and reopens pull it down.</param>
    /// <param name="ResponseRate">The share of those asked who answer.</param>
    /// <param name="MonthlyEuros">The service's fixed running costs a month, spread over its cost items.</param>
    public sealed record Profile(int Target, decimal SampleRate, double Satisfaction, double ResponseRate, long MonthlyEuros);

    /// <summary>A second or third outcome of a service, for another business unit than its first.</summary>
    public sealed record ExtraOutcome(string Service, string Name, string Unit, OutcomeBasis Basis, long YearlyEuros, decimal Contribution);

    private static readonly Profile Planned = new(Service.DefaultExperienceTarget, 1m, 4.2, 0.3, 2_000);

    private static readonly Dictionary<string, Profile> Profiles = new(StringComparer.Ordinal)
    {
        ["Workplace Services"] = new(80, 0.5m, 4.2, 0.30, 14_000),
        ["Remote Access"] = new(75, 1m, 3.2, 0.34, 3_500),
        ["Email & Calendar"] = new(85, 0.5m, 4.7, 0.36, 9_000),
        ["Video Meetings"] = new(80, 1m, 4.6, 0.30, 3_000),
        ["Intranet"] = new(70, 1m, 4.1, 0.25, 1_200),
        ["ERP Finance"] = new(80, 1m, 4.2, 0.32, 16_000),
        ["ERP Purchasing"] = new(75, 1m, 3.1, 0.38, 9_000),
        ["Production Planning"] = new(80, 1m, 4.0, 0.28, 15_000),
        ["Warehouse & Logistics"] = new(80, 1m, 4.1, 0.27, 12_000),
        ["CRM"] = new(80, 1m, 4.3, 0.33, 11_000),
        ["Customer Service Desk"] = new(75, 1m, 3.9, 0.29, 6_000),
        ["Marketing Automation"] = new(70, 1m, 4.2, 0.26, 4_500),
        ["Company Website"] = new(75, 1m, 4.3, 0.25, 3_500),
        ["HR & Payroll"] = new(85, 1m, 4.3, 0.40, 6_500),
        ["Recruiting"] = new(70, 1m, 4.0, 0.31, 2_000),
        ["Learning Platform"] = new(70, 1m, 3.8, 0.25, 1_800),
        ["Reporting & Analytics"] = new(75, 1m, 3.9, 0.30, 7_000),
        ["Product Data Management"] = new(75, 1m, 4.0, 0.28, 8_000),
        ["Identity & Sign-in"] = new(85, 0.5m, 4.3, 0.35, 4_000),
        ["File Sharing"] = new(75, 0.75m, 4.2, 0.27, 2_500),
        ["Customer Self-Service Portal"] = Planned with { Target = 80, MonthlyEuros = 2_000 },
        ["E-Invoicing"] = Planned with { MonthlyEuros = 1_500 },
        ["Data Platform"] = Planned with { MonthlyEuros = 3_000 },
        // Retired: what is left to pay until the contracts run out.
        ["Legacy Fax Gateway"] = Planned with { MonthlyEuros = 300 },
        ["Old Expense Tool"] = Planned with { MonthlyEuros = 200 },
    };

    /// <summary>Outcomes beyond each service's first: a service usually serves more than one business unit's goals.</summary>
    public static readonly ExtraOutcome[] ExtraOutcomes =
    [
        new("Workplace Services", "Lost and stolen devices protected", "FIN", OutcomeBasis.RiskReduced, 250_000, 0.5m),
        new("Email & Calendar", "Faster internal decisions", "OPS", OutcomeBasis.CostAvoided, 300_000, 0.3m),
        new("Video Meetings", "Remote customer demos", "MKT", OutcomeBasis.RevenueEnabled, 350_000, 0.3m),
        new("ERP Purchasing", "Lower stock levels", "OPS", OutcomeBasis.CostAvoided, 400_000, 0.3m),
        new("Production Planning", "Less scrap and rework", "RND", OutcomeBasis.CostAvoided, 600_000, 0.25m),
        new("Warehouse & Logistics", "Fewer delivery errors", "SAL", OutcomeBasis.CostAvoided, 350_000, 0.4m),
        new("CRM", "Cross-selling to existing customers", "MKT", OutcomeBasis.RevenueEnabled, 1_200_000, 0.25m),
        new("CRM", "Service contract renewals", "OPS", OutcomeBasis.RevenueEnabled, 900_000, 0.3m),
        new("HR & Payroll", "Fewer payroll queries", "FIN", OutcomeBasis.CostAvoided, 90_000, 0.5m),
        new("Reporting & Analytics", "Sales forecasts the plants can plan on", "SAL", OutcomeBasis.RevenueEnabled, 500_000, 0.2m),
        new("Identity & Sign-in", "Joiners productive on day one", "HR", OutcomeBasis.CostAvoided, 120_000, 0.4m),
    ];

    public static Profile Of(string serviceName) => Profiles.GetValueOrDefault(serviceName) ?? Planned;
}
