using Keel.Application.Platform;
using Keel.Domain.Platform;
using DomainRoles = Keel.Domain.Platform.Roles;

namespace Keel.Application.Changes;

/// <summary>Who raises, edits and moves changes: the roles of the Changes area (other IT staff read them).</summary>
public static class ChangeAccess
{
    public static readonly IReadOnlyList<string> Roles =
        [DomainRoles.ChangeManager, DomainRoles.CabMember, DomainRoles.Agent, DomainRoles.TeamLead, DomainRoles.ItLeader, DomainRoles.Admin];

    public static bool CanWork(ICurrentUser user) => Roles.Any(user.IsInRole);

    public static Error Refused() => Error.Forbidden("Only change managers, CAB members and IT staff who work changes may do this.");
}
