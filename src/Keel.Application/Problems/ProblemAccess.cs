using Keel.Application.Platform;
using Keel.Domain.Platform;

namespace Keel.Application.Problems;

/// <summary>
/// Who works problems: the problem manager with the IT staff who investigate (agents, team leads), the IT leader and
/// admins. Problem candidates and known errors belong to the problem manager (and admins): only they accept or dismiss
/// candidates, declare a known error and change its workaround.
/// </summary>
public static class ProblemAccess
{
    public static readonly IReadOnlyList<string> Roles =
        [Domain.Platform.Roles.ProblemManager, Domain.Platform.Roles.Agent, Domain.Platform.Roles.TeamLead, Domain.Platform.Roles.ItLeader, Domain.Platform.Roles.Admin];

    public static readonly IReadOnlyList<string> ManagerRoles = [Domain.Platform.Roles.ProblemManager, Domain.Platform.Roles.Admin];

    public static bool CanWork(ICurrentUser user) => Roles.Any(user.IsInRole);

    public static bool CanDecide(ICurrentUser user) => ManagerRoles.Any(user.IsInRole);

    public static Error NotForYou() => Error.Forbidden("Problems are worked by problem managers, agents, team leads, the IT leader and admins.");

    public static Error NotYourKnownError() =>
        Error.Forbidden("Known errors belong to the problem manager: only a problem manager or an admin declares one or changes its workaround.");

    public static Error NotYourDecision() => Error.Forbidden("Only a problem manager or an admin accepts or dismisses problem candidates.");
}
