using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Value;

public static class ValueSetup
{
    /// <summary>The value area: service value, the cockpit, showback export and the experience weights.</summary>
    public static IServiceCollection AddValueUseCases(this IServiceCollection services) => services
        .AddScoped<ValueInputs>()
        .AddScoped<ValueService>()
        .AddScoped<CockpitService>()
        .AddScoped<ShowbackExport>()
        .AddScoped<ExperienceSettingsService>();
}
