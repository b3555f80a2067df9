using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Balance;

public static class ValueStreamsSetup
{
    /// <summary>Value streams and their flow (issue 8).</summary>
    public static IServiceCollection AddValueStreamUseCases(this IServiceCollection services) => services
        .AddScoped<FlowReader>()
        .AddScoped<ValueStreamService>();
}
