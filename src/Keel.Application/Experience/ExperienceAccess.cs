using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;

namespace Keel.Application.Experience;

/// <summary>
/// Who reads survey answers. They are experience, not cost, so IT staff read them as they read every item's
/// conversation: agents, team leads and managers learn from what requesters say, and leaders and executives judge
/// the service by it. A service owner reads the answers about their own services; requesters read none but their own
/// (through the survey's link).
/// </summary>
public static class ExperienceAccess
{
    public static readonly IReadOnlyList<string> AllResponseRoles = [.. Value.ValueAccess.AllFinanceRoles, .. ServiceAccess.StaffRoles];

    public static bool ReadsAllResponses(ICurrentUser user) => AllResponseRoles.Any(user.IsInRole);

    public static bool ReadsResponses(ICurrentUser user) => ReadsAllResponses(user) || user.IsInRole(Roles.ServiceOwner);
}
