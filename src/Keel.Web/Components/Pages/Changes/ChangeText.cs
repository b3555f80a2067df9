using Keel.Domain.Changes;
using MudBlazor;

namespace Keel.Web.Components.Pages.Changes;

/// <summary>How the change pages word and colour types, risk levels, authorities and review outcomes.</summary>
public static class ChangeText
{
    public static Color RiskColor(RiskLevel? risk) => risk switch
    {
        RiskLevel.High => Color.Error,
        RiskLevel.Medium => Color.Warning,
        RiskLevel.Low => Color.Success,
        _ => Color.Default,
    };

    public static string Risk(RiskLevel? risk) => risk is { } r ? $"{r} risk" : "Not assessed";

    public static string Type(ChangeType type) => type switch
    {
        ChangeType.Standard => "Standard (pre-authorized)",
        ChangeType.Normal => "Normal",
        ChangeType.Emergency => "Emergency",
    };

    public static string Authority(ChangeAuthority authority) => authority switch
    {
        ChangeAuthority.ChangeManager => "Change managers (the first decision settles it)",
        ChangeAuthority.Cab => "Change advisory board",
        ChangeAuthority.EmergencyCab => "Emergency CAB (change managers and CAB members)",
    };

    public static string Outcome(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Successful => "Successful",
        ReviewOutcome.SuccessfulWithIssues => "Successful with issues",
        ReviewOutcome.Failed => "Failed",
        ReviewOutcome.BackedOut => "Backed out",
    };

    public static Color OutcomeColor(ReviewOutcome? outcome) => outcome switch
    {
        ReviewOutcome.Successful => Color.Success,
        ReviewOutcome.SuccessfulWithIssues => Color.Info,
        ReviewOutcome.Failed or ReviewOutcome.BackedOut => Color.Error,
        _ => Color.Default,
    };

    public static string Percent(double? fraction) =>
        fraction is { } f ? f.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
