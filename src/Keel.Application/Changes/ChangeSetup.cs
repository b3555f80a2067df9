using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Changes;

public static class ChangeSetup
{
    /// <summary>The changes area: raising, assessing, authorizing and reviewing changes (settings from <c>Keel:Changes</c>).</summary>
    public static IServiceCollection AddChangeUseCases(this IServiceCollection services)
    {
        services.AddOptions<ChangeOptions>().BindConfiguration("Keel:Changes")
            .Validate(o => o.CabQuorum is null or >= 1 && o.EmergencyCabQuorum >= 1, "Keel:Changes: CabQuorum and EmergencyCabQuorum must be at least 1.");
        return services
            .AddScoped<ChangeAssessor>()
            .AddScoped<ChangeTransitions>()
            .AddScoped<ChangeService>()
            .AddScoped<ChangeStatsService>()
            .AddScoped<ChangeTemplateService>();
    }
}
