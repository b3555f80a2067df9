using System.Globalization;
using Keel.Domain.Balance;

namespace Keel.Web.Components.Pages.Balance;

/// <summary>How flow figures and value-chain activities read on the value-stream pages.</summary>
public static class FlowText
{
    /// <summary>A duration in hours as a person reads it: minutes under an hour, hours under two days, then days.</summary>
    public static string Hours(double? hours) => hours switch
    {
        null => "—",
        < 1 => $"{Math.Round(hours.Value * 60).ToString("0", CultureInfo.InvariantCulture)} min",
        < 48 => $"{hours.Value.ToString("0.#", CultureInfo.InvariantCulture)} h",
        _ => $"{(hours.Value / 24).ToString("0.#", CultureInfo.InvariantCulture)} d",
    };

    public static string Percent(double? fraction) => fraction is { } f ? f.ToString("0%", CultureInfo.InvariantCulture) : "—";

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>One colour per value-chain activity (readable with white text, distinct for the common colour blindnesses).</summary>
    public static string Colour(ValueChainActivity activity) => activity switch
    {
        ValueChainActivity.Plan => "#5b4a9e",
        ValueChainActivity.Improve => "#0f7b6c",
        ValueChainActivity.Engage => "#1f63b5",
        ValueChainActivity.DesignAndTransition => "#a14f00",
        ValueChainActivity.ObtainBuild => "#7a5c00",
        ValueChainActivity.DeliverAndSupport => "#2d6a1f",
    };

    /// <summary>A milestone as a person reads it: "created", "enters In progress".</summary>
    public static string Milestone(string milestone) =>
        FlowMilestone.TryParse(milestone, out var m) && m.Value.Entered is { } state ? $"enters {Work.WorkText.State(state)}" : "created";
}
