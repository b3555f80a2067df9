namespace Keel.Domain.Platform;

/// <summary>Where each person lands after signing in: the area of their most specific working role.</summary>
public static class Landing
{
    /// <summary>Checked in order; the first role a person holds decides. Requester is the fallback.</summary>
    private static readonly (string Role, string Path)[] ByRole =
    [
        (Roles.Admin, "/admin"),
        (Roles.ItLeader, "/cockpit"),
        (Roles.Executive, "/reports"),
        (Roles.ServiceOwner, "/services"),
        (Roles.ChangeManager, "/changes"),
        (Roles.CabMember, "/changes"),
        (Roles.ProblemManager, "/problems"),
        (Roles.TeamLead, "/work"),
        (Roles.Agent, "/work"),
    ];

    public const string Portal = "/portal";

    public static string For(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet(StringComparer.Ordinal);
        foreach (var (role, path) in ByRole)
        {
            if (held.Contains(role))
            {
                return path;
            }
        }
        return Portal;
    }
}
