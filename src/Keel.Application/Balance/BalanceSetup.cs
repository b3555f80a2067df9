using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Balance;

public static class BalanceSetup
{
    /// <summary>The balance area: the capacity balance against its targets, and the targets.</summary>
    public static IServiceCollection AddBalanceUseCases(this IServiceCollection services) => services
        .AddScoped<BalanceService>()
        .AddScoped<CapacityTargetService>();
}
