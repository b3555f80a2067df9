using Keel.Domain.Balance;
using Keel.Web.Components.Shared;
using MudBlazor;

namespace Keel.Web.Components.Pages.Balance;

/// <summary>How the balance pages name and colour categories, activities and initiative statuses.</summary>
public static class BalanceText
{
    public static string Category(InvestmentCategory category) => category.ToString();

    public static string Activity(ValueChainActivity activity) => activity switch
    {
        ValueChainActivity.DesignAndTransition => "Design & transition",
        ValueChainActivity.ObtainBuild => "Obtain/build",
        ValueChainActivity.DeliverAndSupport => "Deliver & support",
        _ => activity.ToString(),
    };

    public static string Status(InitiativeStatus status) => Words.FromPascal(status.ToString());

    public static Color StatusColor(InitiativeStatus status) => status switch
    {
        InitiativeStatus.Proposed => Color.Info,
        InitiativeStatus.Approved or InitiativeStatus.InProgress => Color.Primary,
        InitiativeStatus.Delivered => Color.Warning,
        InitiativeStatus.Reviewed => Color.Success,
        _ => Color.Default,
    };

    public static Color CategoryColor(InvestmentCategory category) => category switch
    {
        InvestmentCategory.Run => Color.Default,
        InvestmentCategory.Debt => Color.Warning,
        InvestmentCategory.Grow => Color.Success,
        _ => Color.Secondary,
    };

    /// <summary>The label of the button that moves an initiative to <paramref name="to"/>.</summary>
    public static string MoveLabel(InitiativeStatus to) => to switch
    {
        InitiativeStatus.Approved => "Approve",
        InitiativeStatus.InProgress => "Start",
        InitiativeStatus.Delivered => "Mark delivered",
        InitiativeStatus.Cancelled => "Cancel",
        _ => Status(to),
    };

    public static string Value(double? value, string unit) =>
        value is { } v ? $"{v.ToString("0.##", System.Globalization.CultureInfo.CurrentCulture)} {unit}".Trim() : "—";

    public static string Hours(double hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " h";
}
