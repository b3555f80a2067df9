using Keel.Domain.Platform;

namespace Keel.Web.Components.Shared;

/// <summary>
/// What the layout knows about the signed-in person for the life of a circuit (or one static request):
/// the name shown in the app bar and the time zone every time is shown in. Cascaded to all pages.
/// </summary>
public sealed class UserSession
{
    public UserSession(string displayName, string timeZoneId)
    {
        DisplayName = displayName;
        TimeZoneId = timeZoneId;
        Zone = Find(timeZoneId);
    }

    public string DisplayName { get; private set; }
    public string TimeZoneId { get; private set; }
    public TimeZoneInfo Zone { get; private set; }

    /// <summary>Raised after the person changed their name or zone on the profile page.</summary>
    public event Action? Changed;

    public void Update(string displayName, string timeZoneId)
    {
        DisplayName = displayName;
        TimeZoneId = timeZoneId;
        Zone = Find(timeZoneId);
        Changed?.Invoke();
    }

    private static TimeZoneInfo Find(string id) =>
        TimeZones.IsValid(id) ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
}
