using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;

namespace Keel.Application.Balance;

/// <summary>The authorization rules of the balance area (issue 8), in one place for the API, the pages and the use cases.</summary>
public static class BalanceAccess
{
    /// <summary>
    /// Who reads the capacity balance against its targets: the IT leader, executives, admins, and team leads (who steer
    /// their team's share of the work).
    /// </summary>
    public static readonly IReadOnlyList<string> BalanceReaderRoles = [Roles.ItLeader, Roles.Executive, Roles.Admin, Roles.TeamLead];

    /// <summary>Who sets capacity targets and defines value streams: the IT leader and admins.</summary>
    public static readonly IReadOnlyList<string> SettingsRoles = [Roles.ItLeader, Roles.Admin];

    /// <summary>Who reads initiatives, the technical-debt register and value-stream flow: IT staff and the leaders.</summary>
    public static readonly IReadOnlyList<string> ReaderRoles = [.. ServiceAccess.FinanceRoles.Union(ServiceAccess.StaffRoles)];

    /// <summary>
    /// Who keeps the technical-debt register: those who find and pay down debt (problem and change managers, team leads,
    /// service owners on their own services) and the leader and admins. Agents read it and link their incidents to it.
    /// </summary>
    public static readonly IReadOnlyList<string> DebtEditorRoles =
        [Roles.ProblemManager, Roles.ChangeManager, Roles.TeamLead, Roles.ServiceOwner, Roles.ItLeader, Roles.Admin];

    /// <summary>Who proposes and steers initiatives: the IT leader, admins, and service owners on their own services.</summary>
    public static readonly IReadOnlyList<string> InitiativeEditorRoles = [Roles.ItLeader, Roles.Admin, Roles.ServiceOwner];

    public static bool ReadsBalance(ICurrentUser user) => BalanceReaderRoles.Any(user.IsInRole);

    public static bool EditsSettings(ICurrentUser user) => SettingsRoles.Any(user.IsInRole);

    public static bool Reads(ICurrentUser user) => ReaderRoles.Any(user.IsInRole);

    /// <summary>Whether the caller may edit a record of <paramref name="serviceOwnerId"/>'s service (owners only their own).</summary>
    public static bool EditsFor(ICurrentUser user, IReadOnlyList<string> editorRoles, Guid? serviceOwnerId) =>
        editorRoles.Where(r => r != Roles.ServiceOwner).Any(user.IsInRole)
        || (editorRoles.Contains(Roles.ServiceOwner) && user.IsInRole(Roles.ServiceOwner) && serviceOwnerId == user.UserId);
}
