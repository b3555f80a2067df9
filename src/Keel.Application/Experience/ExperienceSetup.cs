using Keel.Application.Platform.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Experience;

public static class ExperienceSetup
{
    /// <summary>How often surveys are sent (default <c>every 5m</c>); the browser tests set it shorter.</summary>
    public const string SurveyScheduleKey = "Keel:Experience:SurveySchedule";

    /// <summary>The experience area's use cases: surveys.</summary>
    public static IServiceCollection AddExperienceUseCases(this IServiceCollection services) => services
        .AddScoped<SurveyService>();

    /// <summary>The survey issuer (called from AddKeelJobs so every node runs the same set).</summary>
    public static IServiceCollection AddExperienceJobs(this IServiceCollection services, IConfiguration configuration) => services
        .AddJobHandler<SurveyIssuer>()
        .AddRecurringJob(SurveyIssuer.JobType, SurveyIssuer.JobType, configuration[SurveyScheduleKey] ?? SurveyIssuer.Schedule);
}
