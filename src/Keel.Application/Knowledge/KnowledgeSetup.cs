using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Knowledge;

public static class KnowledgeSetup
{
    /// <summary>The knowledge area: articles, their versions, search, votes and portal deflection.</summary>
    public static IServiceCollection AddKnowledgeUseCases(this IServiceCollection services) => services
        .AddScoped<KnowledgeService>()
        .AddScoped<KnowledgeFeedbackService>();
}
