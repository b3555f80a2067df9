using Keel.Application.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Problems;

public static class ProblemsSetup
{
    /// <summary>The problem area: problems and known errors, suggestions on incidents, candidates and their settings.</summary>
    public static IServiceCollection AddProblemUseCases(this IServiceCollection services) => services
        .AddScoped<ProblemService>()
        .AddScoped<KnownErrorService>()
        .AddScoped<CandidateService>()
        .AddScoped<ProblemSettingsService>();

    /// <summary>The problem area's background job (called from AddKeelJobs so every node runs the same set).</summary>
    public static IServiceCollection AddProblemJobs(this IServiceCollection services) => services
        .AddJobHandler<ProblemCandidateHandler>()
        .AddRecurringJob(ProblemCandidateHandler.JobType, ProblemCandidateHandler.JobType, ProblemCandidateHandler.Schedule);
}
