using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Balance;

public static class BalanceSetup
{
    /// <summary>The balance area's use cases: initiatives, the classification of work and the value-chain distribution.</summary>
    public static IServiceCollection AddBalanceUseCases(this IServiceCollection services) => services
        .AddScoped<InitiativeService>()
        .AddScoped<WorkInvestmentService>()
        .AddScoped<ActivityBalanceService>();
}
