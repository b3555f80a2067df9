using Keel.Application.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Balance;

public static class BalanceSetup
{
    /// <summary>
    /// The balance area's use cases: initiatives, the classification of work, the value-chain distribution, the capacity
    /// balance against its targets and the targets, the technical-debt register with its interest, value streams and
    /// their flow.
    /// </summary>
    public static IServiceCollection AddBalanceUseCases(this IServiceCollection services) => services
        .AddScoped<InitiativeService>()
        .AddScoped<WorkInvestmentService>()
        .AddScoped<ActivityBalanceService>()
        .AddScoped<BalanceService>()
        .AddScoped<CapacityTargetService>()
        .AddScoped<DebtInterestReader>()
        .AddScoped<TechDebtService>()
        .AddScoped<TechDebtRegister>()
        .AddScoped<FlowReader>()
        .AddScoped<ValueStreamService>();

    /// <summary>The daily drift check (called from AddKeelJobs so every node runs the same set).</summary>
    public static IServiceCollection AddBalanceJobs(this IServiceCollection services) => services
        .AddJobHandler<BalanceDriftHandler>()
        .AddRecurringJob(BalanceDriftHandler.JobType, BalanceDriftHandler.JobType, BalanceDriftHandler.Schedule);
}
