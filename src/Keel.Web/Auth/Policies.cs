using Keel.Domain.Platform;
using Microsoft.AspNetCore.Authorization;

namespace Keel.Web.Auth;

/// <summary>
/// Named authorization rules. Everything is denied by default (the fallback policy requires a signed-in
/// user) and each endpoint and page names the rule it needs from this list.
/// </summary>
public static class Policies
{
    public const string SignedIn = nameof(SignedIn);
    public const string Admin = nameof(Admin);

    /// <summary>IT staff: everyone with a working role beyond Requester and Executive.</summary>
    public const string Staff = nameof(Staff);

    public static readonly string[] StaffRoles =
    [
        Roles.Agent, Roles.TeamLead, Roles.ProblemManager, Roles.ChangeManager, Roles.CabMember,
        Roles.ServiceOwner, Roles.ItLeader, Roles.Admin,
    ];

    public static void Configure(AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Staff, p => p.RequireRole(StaffRoles));
}
