using Keel.Application.Platform.Jobs;
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
        .AddScoped<AttachmentService>()
        .AddScoped<LinkService>()
        .AddScoped<MergeService>()
        .AddScoped<StakeholderService>()
        .AddScoped<TimelineService>()
        .AddScoped<WorkSettingsService>()
        .AddScoped<AssignmentRuleService>()
        .AddScoped<AssignmentRuleTester>()
        .AddScoped<SavedViewService>();

    /// <summary>The work area's background jobs (called from AddKeelJobs so every node runs the same set).</summary>
    public static IServiceCollection AddWorkJobs(this IServiceCollection services) => services
        .AddJobHandler<AutoCloseHandler>()
        .AddRecurringJob(AutoCloseHandler.JobType, AutoCloseHandler.JobType, AutoCloseHandler.Schedule)
        .AddJobHandler<ApprovalReminderHandler>()
        .AddRecurringJob(ApprovalReminderHandler.JobType, ApprovalReminderHandler.JobType, ApprovalReminderHandler.Schedule);
}
