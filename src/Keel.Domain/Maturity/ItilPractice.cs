namespace Keel.Domain.Maturity;

public enum PracticeGroup
{
    General,
    Service,
    Technical,
}

/// <summary>One of the 34 ITIL 4 management practices, by a stable key that skills, certifications and assessments store.</summary>
public sealed record ItilPractice(string Key, string Name, PracticeGroup Group);

/// <summary>The 34 practices of PRODUCT.md: 14 general, 17 service and 3 technical management practices.</summary>
public static class ItilPractices
{
    public static readonly IReadOnlyList<ItilPractice> All =
    [
        new("architecture", "Architecture management", PracticeGroup.General),
        new("continual-improvement", "Continual improvement", PracticeGroup.General),
        new("information-security", "Information security management", PracticeGroup.General),
        new("knowledge", "Knowledge management", PracticeGroup.General),
        new("measurement-reporting", "Measurement and reporting", PracticeGroup.General),
        new("organizational-change", "Organizational change management", PracticeGroup.General),
        new("portfolio", "Portfolio management", PracticeGroup.General),
        new("project", "Project management", PracticeGroup.General),
        new("relationship", "Relationship management", PracticeGroup.General),
        new("risk", "Risk management", PracticeGroup.General),
        new("service-financial", "Service financial management", PracticeGroup.General),
        new("strategy", "Strategy management", PracticeGroup.General),
        new("supplier", "Supplier management", PracticeGroup.General),
        new("workforce-talent", "Workforce and talent management", PracticeGroup.General),
        new("availability", "Availability management", PracticeGroup.Service),
        new("business-analysis", "Business analysis", PracticeGroup.Service),
        new("capacity-performance", "Capacity and performance management", PracticeGroup.Service),
        new("change-enablement", "Change enablement", PracticeGroup.Service),
        new("incident", "Incident management", PracticeGroup.Service),
        new("it-asset", "IT asset management", PracticeGroup.Service),
        new("monitoring-event", "Monitoring and event management", PracticeGroup.Service),
        new("problem", "Problem management", PracticeGroup.Service),
        new("release", "Release management", PracticeGroup.Service),
        new("service-catalogue", "Service catalogue management", PracticeGroup.Service),
        new("service-configuration", "Service configuration management", PracticeGroup.Service),
        new("service-continuity", "Service continuity management", PracticeGroup.Service),
        new("service-design", "Service design", PracticeGroup.Service),
        new("service-desk", "Service desk", PracticeGroup.Service),
        new("service-level", "Service level management", PracticeGroup.Service),
        new("service-request", "Service request management", PracticeGroup.Service),
        new("service-validation-testing", "Service validation and testing", PracticeGroup.Service),
        new("deployment", "Deployment management", PracticeGroup.Technical),
        new("infrastructure-platform", "Infrastructure and platform management", PracticeGroup.Technical),
        new("software-development", "Software development and management", PracticeGroup.Technical),
    ];

    public static ItilPractice? Find(string? key) => All.FirstOrDefault(p => p.Key == key);

    public static bool IsKnown(string? key) => Find(key) is not null;
}
