using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;

namespace Keel.Application.Value;

/// <summary>How much of a service's experience and value a caller may read.</summary>
public enum ValueAudience
{
    /// <summary>Nothing: requesters.</summary>
    None,

    /// <summary>Experience and SLA figures but no cost, outcome or showback: IT staff, and service owners on others' services.</summary>
    Experience,

    /// <summary>Everything: the IT leader, executives and admins on every service, a service owner on their own.</summary>
    Finance,
}

/// <summary>The authorization rules of experience and value, in one place for the API, the pages and the use cases.</summary>
public static class ValueAccess
{
    /// <summary>Who reads cost and value of every service (and the cockpit's spend): the IT leader, executives and admins.</summary>
    public static readonly IReadOnlyList<string> AllFinanceRoles = [Roles.Admin, Roles.ItLeader, Roles.Executive];

    /// <summary>Who reads experience at all: everyone in IT and the leaders; requesters none.</summary>
    public static readonly IReadOnlyList<string> ReaderRoles = [.. ServiceAccess.FinanceRoles, .. ServiceAccess.StaffRoles];

    /// <summary>Who sets the experience score's weights.</summary>
    public static readonly IReadOnlyList<string> SettingsRoles = [Roles.Admin, Roles.ItLeader];

    public static ValueAudience AudienceOf(ICurrentUser user, Guid serviceOwnerId) =>
        AllFinanceRoles.Any(user.IsInRole) || (user.IsInRole(Roles.ServiceOwner) && user.UserId == serviceOwnerId) ? ValueAudience.Finance
        : ReaderRoles.Any(user.IsInRole) ? ValueAudience.Experience
        : ValueAudience.None;

    public static bool ReadsAllFinance(ICurrentUser user) => AllFinanceRoles.Any(user.IsInRole);

    public static bool ReadsExperience(ICurrentUser user) => ReaderRoles.Any(user.IsInRole);

    public static bool EditsSettings(ICurrentUser user) => SettingsRoles.Any(user.IsInRole);
}
