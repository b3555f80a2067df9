using System.Globalization;
using Keel.Application.Balance;
using Keel.Domain.Balance;
using MudBlazor;

namespace Keel.Web.Components.Pages.Balance;

/// <summary>How the debt register words and colours its figures.</summary>
public static class DebtText
{
    public static string Status(DebtStatus status) => status switch
    {
        DebtStatus.InRemediation => "In remediation",
        DebtStatus.PaidOff => "Paid off",
        DebtStatus.Accepted => "Risk accepted",
        _ => status.ToString(),
    };

    public static string MoveLabel(DebtStatus to) => to switch
    {
        DebtStatus.Scheduled => "Schedule",
        DebtStatus.InRemediation => "Start remediation",
        DebtStatus.PaidOff => "Mark paid off",
        DebtStatus.Accepted => "Accept the risk",
        _ => "Reopen",
    };

    public static Color RiskColor(DebtRisk risk) => risk switch
    {
        DebtRisk.Critical => Color.Error,
        DebtRisk.High => Color.Warning,
        DebtRisk.Medium => Color.Info,
        _ => Color.Default,
    };

    public static Color BasisColor(InterestBasis basis) => basis switch
    {
        InterestBasis.Measured => Color.Success,
        InterestBasis.Estimated => Color.Info,
        _ => Color.Warning,
    };

    /// <summary>"4.5 h/month", or "Unknown" — never a zero standing in for a missing figure.</summary>
    public static string Interest(DebtInterestView interest) =>
        interest.HoursPerMonth is { } h ? h.ToString("0.#", CultureInfo.InvariantCulture) + " h/month" : "Unknown";

    /// <summary>The badge: Measured, Estimated, or "Unknown (reason)".</summary>
    public static string Basis(DebtInterestView interest) =>
        interest.Basis == InterestBasis.Unknown ? $"Unknown ({interest.Reason})" : interest.Basis.ToString();

    public static string Payback(double? months) =>
        months is { } m ? m.ToString("0.#", CultureInfo.InvariantCulture) + " months" : "—";
}
