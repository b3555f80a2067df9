using Keel.Application.Platform.Accounts;
using Keel.Application.Platform.Audit;
using Keel.Application.Platform.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Platform;

public static class PlatformServices
{
    public static IServiceCollection AddPlatformUseCases(this IServiceCollection services) => services
        .AddScoped<CredentialCheck>()
        .AddScoped<ApiTokenService>()
        .AddScoped<MeService>()
        .AddScoped<Keel.Application.Platform.Notifications.NotificationService>()
        .AddScoped<PeopleService>()
        .AddScoped<TeamService>()
        .AddScoped<BusinessUnitService>()
        .AddScoped<AuditService>()
        .AddScoped<OrganizationSummary>();
}
