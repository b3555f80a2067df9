using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;

namespace Keel.Application.Services;

/// <summary>What a caller may see of the portfolio, from the most to the least.</summary>
public enum ServiceAudience
{
    /// <summary>Services with consumers' shares, outcomes and costs: admins, the IT leader, executives and service owners.</summary>
    Finance,

    /// <summary>Services and CIs without any cost data: the rest of IT staff (agents, team leads, managers, CAB).</summary>
    Staff,

    /// <summary>Only what the portal shows: live services offered to their business unit, with their catalogue items.</summary>
    Portal,
}

/// <summary>The authorization rules of the services area, in one place for the API, the UI and the use cases.</summary>
public static class ServiceAccess
{
    public static readonly IReadOnlyList<string> FinanceRoles = [Roles.Admin, Roles.ItLeader, Roles.Executive, Roles.ServiceOwner];

    /// <summary>IT staff who read services and CIs but no cost data (Policies.StaffRoles is a different, wider list).</summary>
    public static readonly IReadOnlyList<string> StaffRoles =
        [Roles.Agent, Roles.TeamLead, Roles.ProblemManager, Roles.ChangeManager, Roles.CabMember];

    /// <summary>Who may create and change configuration items and relationships.</summary>
    public static readonly IReadOnlyList<string> CmdbEditorRoles = [Roles.Admin, Roles.ServiceOwner];

    /// <summary>
    /// Who reads the SLA attainment of every service: everyone with a finance or staff audience but service owners
    /// (attainment carries no cost data, and staff see each item's clocks anyway).
    /// </summary>
    public static readonly IReadOnlyList<string> AllAttainmentRoles = [.. FinanceRoles.Except([Roles.ServiceOwner]), .. StaffRoles];

    public static ServiceAudience AudienceOf(ICurrentUser user) =>
        FinanceRoles.Any(user.IsInRole) ? ServiceAudience.Finance
        : StaffRoles.Any(user.IsInRole) ? ServiceAudience.Staff
        : ServiceAudience.Portal;

    /// <summary>Admins change every service and its catalogue items; a service owner only their own.</summary>
    public static bool CanEdit(ICurrentUser user, Service service) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.ServiceOwner) && user.UserId == service.OwnerId);

    public static bool ReadsAllAttainment(ICurrentUser user) => AllAttainmentRoles.Any(user.IsInRole);

    /// <summary>The SLA attainment of one service (its page's Service levels tab): IT staff and leaders any, a service owner only their own.</summary>
    public static bool CanReadAttainment(ICurrentUser user, Guid serviceOwnerId) =>
        ReadsAllAttainment(user) || (user.IsInRole(Roles.ServiceOwner) && user.UserId == serviceOwnerId);

    public static bool CanEditCmdb(ICurrentUser user) => CmdbEditorRoles.Any(user.IsInRole);

    public static Error NotYours() => Error.Forbidden("Only the service's owner or an admin may change it.");
}
