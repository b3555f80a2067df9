using Keel.Application.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Value;

public static class ValueSetup
{
    /// <summary>The value area: service value, the cockpit, showback export, the experience weights and the rollup's rebuild.</summary>
    public static IServiceCollection AddValueUseCases(this IServiceCollection services) => services
        .AddScoped<ValueInputs>()
        .AddScoped<ValueService>()
        .AddScoped<CockpitService>()
        .AddScoped<ShowbackExport>()
        .AddScoped<ExperienceSettingsService>()
        .AddScoped<ValueRollupService>();

    /// <summary>The rollup's catch-up job (called from AddKeelJobs so every node runs the same set).</summary>
    public static IServiceCollection AddValueJobs(this IServiceCollection services) => services
        .AddJobHandler<ValueRollupHandler>()
        .AddRecurringJob(ValueRollupHandler.JobType, ValueRollupHandler.JobType, ValueRollupHandler.Schedule);
}
