using Keel.Application.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Value;

public static class ValueRollupSetup
{
    /// <summary>The rebuild use case of the value rollup.</summary>
    public static IServiceCollection AddValueRollupUseCases(this IServiceCollection services) => services
        .AddScoped<ValueRollupService>();

    /// <summary>The rollup's catch-up job (called from AddKeelJobs so every node runs the same set).</summary>
    public static IServiceCollection AddValueRollupJobs(this IServiceCollection services) => services
        .AddJobHandler<ValueRollupHandler>()
        .AddRecurringJob(ValueRollupHandler.JobType, ValueRollupHandler.JobType, ValueRollupHandler.Schedule);
}
