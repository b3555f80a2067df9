using Keel.Application.Platform.Accounts;
using Keel.Application.Platform.Audit;
using Keel.Application.Platform.Organization;
using Keel.Domain.Platform.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Platform;

public static class PlatformServices
{
    public static IServiceCollection AddPlatformUseCases(this IServiceCollection services) => services
        .AddScoped<CredentialCheck>()
        .AddScoped<AccountLinkService>()
        .AddScoped<ApiTokenService>()
        .AddScoped<MeService>()
        .AddScoped<Keel.Application.Platform.Notifications.NotificationService>()
        .AddScoped<PeopleService>()
        .AddScoped<TeamService>()
        .AddScoped<BusinessUnitService>()
        .AddScoped<AuditService>()
        .AddScoped<OrganizationSummary>()
        .AddAccountLinkPolicy();

    /// <summary>Link lifetimes and the reset limit from <c>Keel:Accounts</c> (e.g. <c>Keel:Accounts:InvitationLifetime</c> = 72:00:00).</summary>
    private static IServiceCollection AddAccountLinkPolicy(this IServiceCollection services)
    {
        services.AddOptions<AccountLinkPolicy>().BindConfiguration("Keel:Accounts")
            .Validate(p => p.InvitationLifetime > TimeSpan.Zero && p.PasswordResetLifetime > TimeSpan.Zero && p.ResetWindow > TimeSpan.Zero && p.ResetsPerWindow >= 0,
                "Keel:Accounts: the lifetimes and the reset window must be positive, ResetsPerWindow not negative.");
        return services;
    }
}
