using System.Globalization;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using MudBlazor;

namespace Keel.Web.Components.Pages.Services;

/// <summary>How the services pages word and colour lifecycles, criticality, statuses and money.</summary>
public static class ServiceText
{
    public static string Criticality(int criticality) => criticality switch
    {
        1 => "1 · Business stops",
        2 => "2 · Severe",
        3 => "3 · Moderate",
        4 => "4 · Inconvenience",
        _ => criticality.ToString(CultureInfo.InvariantCulture),
    };

    public static Color LifecycleColor(ServiceLifecycle lifecycle) => lifecycle switch
    {
        ServiceLifecycle.Live => Color.Success,
        ServiceLifecycle.Pipeline => Color.Info,
        _ => Color.Default,
    };

    public static string MoveLabel(ServiceLifecycle to) => to switch
    {
        ServiceLifecycle.Live => "Go live",
        ServiceLifecycle.Retired => "Retire",
        ServiceLifecycle.Pipeline => "Back to pipeline",
        _ => to.ToString(),
    };

    public static Color StatusColor(CiStatus status) => status switch
    {
        CiStatus.Active => Color.Success,
        CiStatus.Maintenance => Color.Warning,
        CiStatus.Planned => Color.Info,
        _ => Color.Default,
    };

    /// <summary>"1,234.50 EUR" from integer minor units.</summary>
    public static string Money(Money money) =>
        string.Create(CultureInfo.InvariantCulture, $"{money.Minor / 100m:N2} {money.Currency}");

    public static string Percent(decimal fraction) =>
        (fraction * 100m).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Approval(ApprovalNeed need) => need switch
    {
        ApprovalNeed.None => "No approval",
        ApprovalNeed.RequesterManager => "Requester's manager approves",
        ApprovalNeed.ServiceOwner => "Service owner approves",
        _ => need.ToString(),
    };

    public static string Delivery(int hours) => hours switch
    {
        < 24 => $"{hours} h",
        _ when hours % 24 == 0 => $"{hours / 24} day{(hours == 24 ? "" : "s")}",
        _ => $"{hours} h",
    };

    public static string Basis(AllocationBasis basis) => Keel.Web.Components.Shared.Words.FromPascal(basis.ToString());

    public static string Basis(OutcomeBasis basis) => Keel.Web.Components.Shared.Words.FromPascal(basis.ToString());

    public static string Words(string pascal) => Keel.Web.Components.Shared.Words.FromPascal(pascal);
}

/// <summary>The fields every services page shows, whichever view (staff or finance) the use case returned.</summary>
public sealed record ServiceSummary(
    Guid Id, string Name, string Description, Ref Owner, Ref DeliveringTeam, ServiceLifecycle Lifecycle, int Criticality,
    decimal SurveySampleRate, int ExperienceTarget, IReadOnlyList<Ref> Consumers, long Version)
{
    public static ServiceSummary From(ServiceView v) =>
        new(v.Id, v.Name, v.Description, v.Owner, v.DeliveringTeam, v.Lifecycle, v.Criticality, v.SurveySampleRate, v.ExperienceTarget,
            v.Consumers, v.Version);

    public static ServiceSummary From(ServiceFinanceView v) =>
        new(v.Id, v.Name, v.Description, v.Owner, v.DeliveringTeam, v.Lifecycle, v.Criticality, v.SurveySampleRate, v.ExperienceTarget,
            v.Consumers.Select(c => c.BusinessUnit).ToList(), v.Version);
}
