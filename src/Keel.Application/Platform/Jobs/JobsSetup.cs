using Keel.Application.Balance;
using Keel.Application.Experience;
using Keel.Application.Platform.Notifications;
using Keel.Application.Problems;
using Keel.Application.ServiceLevels;
using Keel.Application.Value;
using Keel.Application.Work;
using Keel.Domain.Platform.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Keel.Application.Platform.Jobs;

public static class JobsSetup
{
    /// <summary>
    /// The job mechanism: the queue (every node), the admin service, the built-in handlers, and the worker, which runs
    /// as a hosted service unless <c>Keel:Jobs:Enabled</c> is false. Needs AddKeelDb and an <see cref="ICurrentUser"/>.
    /// </summary>
    public static IServiceCollection AddKeelJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.Section))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobHandlerRegistry>();
        services.TryAddSingleton<JobRunner>();
        services.TryAddSingleton<RecurringJobScheduler>();
        services.TryAddSingleton<JobWorker>();
        services.TryAddScoped<JobLeases>();
        services.TryAddScoped<IJobQueue, JobQueue>();
        services.TryAddScoped<JobAdminService>();
        // Every area's handlers belong here (or in an Add…Jobs() called from here), so that the web app and a dedicated
        // `keel jobs work` node run the same set.
        services.AddJobHandler<ProbeJobHandler>();
        services.AddJobHandler<JobsCleanupHandler>();
        services.AddRecurringJob(JobsCleanupHandler.JobType, JobsCleanupHandler.JobType, JobsCleanupHandler.Schedule);
        services.AddWorkJobs();
        services.AddServiceLevelJobs();
        services.AddProblemJobs();
        services.AddExperienceJobs(configuration);
        services.AddValueJobs();
        services.AddBalanceJobs();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection("Keel:Smtp"));
        services.AddJobHandler<NotificationMailHandler>();
        services.AddRecurringJob(NotificationMailHandler.JobType, NotificationMailHandler.JobType,
            configuration[SmtpOptions.ScheduleKey] ?? NotificationMailHandler.Schedule);
        services.AddHostedService<JobWorkerService>();
        return services;
    }

    /// <summary>Registers a handler; its <see cref="IJobHandler.Type"/> names the jobs it runs. Adding a kind of background work is this one line.</summary>
    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services) where THandler : class, IJobHandler
    {
        services.TryAddScoped<THandler>();
        if (!services.Any(d => d.ImplementationInstance is JobHandlerRegistration r && r.HandlerClass == typeof(THandler)))
        {
            services.AddSingleton(new JobHandlerRegistration(typeof(THandler)));
        }
        return services;
    }

    /// <summary>Enqueues a <paramref name="jobType"/> job on <paramref name="schedule"/> (e.g. <c>every 5m</c>, <c>daily 02:30</c> UTC), once per occurrence across all nodes.</summary>
    public static IServiceCollection AddRecurringJob(
        this IServiceCollection services, string name, string jobType, string schedule, object? payload = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, RecurringJob.MaxNameLength, nameof(name));
        services.AddSingleton(new RecurringJobDefinition(name, jobType, RecurringSchedule.Parse(schedule), payload));
        return services;
    }
}
