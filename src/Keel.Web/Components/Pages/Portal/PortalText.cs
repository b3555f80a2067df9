namespace Keel.Web.Components.Pages.Portal;

/// <summary>How the portal words delivery times for requesters.</summary>
public static class PortalText
{
    public static string Delivery(int hours) => hours switch
    {
        <= 1 => "an hour",
        < 24 => $"{hours} hours",
        24 => "a working day",
        _ when hours % 24 == 0 => $"{hours / 24} days",
        _ => $"{hours} hours",
    };
}
