using Keel.Application.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.ServiceLevels;

public static class ServiceLevelSetup
{
    /// <summary>The service-levels area: calendars, policies and the clocks' views.</summary>
    public static IServiceCollection AddServiceLevelUseCases(this IServiceCollection services) => services
        .AddScoped<CalendarService>()
        .AddScoped<PolicyService>()
        .AddScoped<SlaService>()
        .AddScoped<AttainmentService>();

    /// <summary>The clocks' timer and the attainment rollup (called from AddKeelJobs so every node runs the same set).</summary>
    public static IServiceCollection AddServiceLevelJobs(this IServiceCollection services) => services
        .AddJobHandler<SlaTickHandler>()
        .AddRecurringJob(SlaTickHandler.JobType, SlaTickHandler.JobType, SlaTickHandler.Schedule)
        .AddJobHandler<AttainmentHandler>()
        .AddRecurringJob(AttainmentHandler.JobType, AttainmentHandler.JobType, AttainmentHandler.Schedule);
}
