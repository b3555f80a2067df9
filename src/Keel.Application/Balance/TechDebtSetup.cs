using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Balance;

public static class TechDebtSetup
{
    /// <summary>The technical-debt register: keeping it, reading it ranked by payback, its interest from the work logs.</summary>
    public static IServiceCollection AddTechDebtUseCases(this IServiceCollection services) => services
        .AddScoped<DebtInterestReader>()
        .AddScoped<TechDebtService>()
        .AddScoped<TechDebtRegister>();
}
