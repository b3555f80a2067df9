using Keel.Application.Services;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Work;

public static class WorkSetup
{
    /// <summary>The work area: incidents, requests, tasks, their conversation and approvals.</summary>
    public static IServiceCollection AddWorkUseCases(this IServiceCollection services) => services
        .AddScoped<IServiceWorkCounter, ServiceWorkCounter>()
        .AddScoped<WorkViews>()
        .AddScoped<WorkRouting>()
        .AddScoped<WorkEffects>()
        .AddScoped<WorkItemService>()
        .AddScoped<IncidentService>()
        .AddScoped<RequestService>()
        .AddScoped<ApprovalService>()
        .AddScoped<ConversationService>()
        .AddScoped<WorkSettingsService>();
}
