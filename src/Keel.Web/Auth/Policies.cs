using Keel.Application.Knowledge;
using Keel.Application.Services;
using Keel.Application.Work;
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

    /// <summary>The requester portal: every signed-in person.</summary>
    public const string Portal = nameof(Portal);

    public const string Work = nameof(Work);
    public const string Problems = nameof(Problems);
    public const string Changes = nameof(Changes);

    /// <summary>Keep freeze and maintenance windows and schedule changes: change managers and admins (as the use cases check).</summary>
    public const string ChangeSchedulers = nameof(ChangeSchedulers);

    /// <summary>Write and review knowledge articles (the /knowledge pages); everyone signed in reads them through the portal.</summary>
    public const string Knowledge = nameof(Knowledge);
    public const string Services = nameof(Services);
    public const string Cockpit = nameof(Cockpit);
    public const string Reports = nameof(Reports);

    /// <summary>A work item's record page: the agent workspace's roles and those who work problems and changes there.</summary>
    public const string WorkRecords = nameof(WorkRecords);

    /// <summary>Change services, their catalogue items and the CMDB (the use cases then check the service's owner).</summary>
    public const string ServiceEditors = nameof(ServiceEditors);

    /// <summary>Read consumers' shares, outcomes and costs of services.</summary>
    public const string ServiceCosts = nameof(ServiceCosts);

    /// <summary>Read services and configuration items (no cost data unless the use cases return it): IT staff, executives and the IT leader.</summary>
    public const string ServiceReaders = nameof(ServiceReaders);

    /// <summary>Set the experience score's weights and rebuild the value figures: the IT leader and admins.</summary>
    public const string ValueSettings = nameof(ValueSettings);

    /// <summary>The capacity balance against its targets (issue 8): the IT leader, executives, admins and team leads.</summary>
    public const string Balance = nameof(Balance);

    /// <summary>Set capacity targets and define value streams: the IT leader and admins.</summary>
    public const string BalanceSettings = nameof(BalanceSettings);

    /// <summary>Initiatives, the technical-debt register and value-stream flow: IT staff and the leaders (edits checked in the use cases).</summary>
    public const string Improvement = nameof(Improvement);

    public static readonly string[] StaffRoles =
    [
        Roles.Agent, Roles.TeamLead, Roles.ProblemManager, Roles.ChangeManager, Roles.CabMember,
        Roles.ServiceOwner, Roles.ItLeader, Roles.Admin,
    ];

    /// <summary>
    /// The roles that may open each area of the UI. The pages require these policies and the navigation
    /// shows a link only to the same roles, so a link never leads to "access denied".
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AreaRoles = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Work] = [.. WorkspaceAccess.Roles],
        [Problems] = [.. Keel.Application.Problems.ProblemAccess.Roles],
        [Changes] = [Roles.ChangeManager, Roles.CabMember, Roles.Agent, Roles.TeamLead, Roles.ItLeader, Roles.Admin],
        // Issue 3: IT staff read services and CIs (without costs); owners, the leader and executives see costs too.
        // Issue 6: IT staff write knowledge; publishing is checked in the use case (KnowledgeAccess).
        [Knowledge] = [.. KnowledgeAccess.WriterRoles],
        [Services] = [.. ServiceAccess.FinanceRoles, .. ServiceAccess.StaffRoles.Except(ServiceAccess.FinanceRoles)],
        // Issue 7: the IT leader and executives see all value and cost data.
        [Cockpit] = [.. Keel.Application.Value.ValueAccess.AllFinanceRoles],
        // Issue 8: the balance for those who steer capacity; initiatives, debt and flow for everyone in IT.
        [Balance] = [.. Keel.Application.Balance.BalanceAccess.BalanceReaderRoles],
        [Improvement] = [.. Keel.Application.Balance.BalanceAccess.ReaderRoles],
        // Settings pages and the buttons leading to them: the leader and admins.
        [ValueSettings] = [.. Keel.Application.Value.ValueAccess.SettingsRoles],
        [BalanceSettings] = [.. Keel.Application.Balance.BalanceAccess.SettingsRoles],
        [Reports] = [Roles.Executive, Roles.ItLeader, Roles.Admin],
        [Admin] = [Roles.Admin],
    };

    /// <summary>The roles of an area as the comma-separated list that <c>AuthorizeView Roles</c> takes.</summary>
    public static string RolesOf(string area) => string.Join(',', AreaRoles[area]);

    public static void Configure(AuthorizationBuilder builder)
    {
        builder
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Portal, p => p.RequireAuthenticatedUser())
            .AddPolicy(Staff, p => p.RequireRole(StaffRoles))
            .AddPolicy(ChangeSchedulers, p => p.RequireRole(Keel.Application.Changes.ChangeCalendarAccess.SchedulerRoles))
            .AddPolicy(ServiceEditors, p => p.RequireRole(ServiceAccess.CmdbEditorRoles))
            .AddPolicy(ServiceCosts, p => p.RequireRole(ServiceAccess.FinanceRoles))
            .AddPolicy(ServiceReaders, p => p.RequireRole([.. ServiceAccess.FinanceRoles, .. ServiceAccess.StaffRoles]))
            .AddPolicy(WorkRecords, p => p.RequireRole([.. AreaRoles[Work].Union(AreaRoles[Problems]).Union(AreaRoles[Changes])]));
        foreach (var (area, roles) in AreaRoles)
        {
            builder.AddPolicy(area, p => p.RequireRole(roles));
        }
    }
}
