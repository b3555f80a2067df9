using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Jobs;
using Keel.Application.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keel.Application.Tests.Jobs;

/// <summary>
/// One application node on a test database, wired like the app (AddKeelDb + AddKeelJobs): either a bare service
/// provider driven step by step on the test's fake clock, or a real <see cref="IHost"/> whose worker polls on its own.
/// </summary>
internal static class JobNode
{
    /// <summary>
    /// Settings for tests: a node polls every 50 ms. The lease stays at a production-like 30 s unless a test needs it to
    /// run out: a 2-core machine under load can stall a process for seconds, and a short lease would then rightly let a
    /// second node run the job again.
    /// </summary>
    public static Dictionary<string, string?> Settings(TestDatabase database, string node, TimeSpan? lease = null) =>
        new(database.Settings, StringComparer.Ordinal)
        {
            ["Keel:Jobs:NodeName"] = node,
            ["Keel:Jobs:PollInterval"] = "00:00:00.050",
            ["Keel:Jobs:LeaseDuration"] = (lease ?? TimeSpan.FromSeconds(30)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["Keel:Jobs:BatchSize"] = "8",
        };

    /// <summary>A node's services on the test's fake clock; tests call <see cref="JobWorker.RunDueAsync"/> themselves.</summary>
    public static ServiceProvider Services(TestDatabase database, string node = "node-a", Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(database, node)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(database.Time);
        Register(services, configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A started host on the real clock whose worker runs by itself, as on a server.</summary>
    public static async Task<IHost> StartHostAsync(TestDatabase database, string node, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(database, node));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        Register(builder.Services, builder.Configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        services.AddKeelDb(configuration);
        services.AddKeelJobs(configuration);
        // These tests count the jobs a worker runs: other areas' schedules (mail every minute…) are tested on their own.
        foreach (var other in services.Where(d => d.ImplementationInstance is RecurringJobDefinition r && !r.JobType.StartsWith("platform.", StringComparison.Ordinal)).ToList())
        {
            services.Remove(other);
        }
    }

    public static JobWorker Worker(this IServiceProvider services) => services.GetRequiredService<JobWorker>();

    /// <summary>Runs <paramref name="use"/> with services from a fresh scope (the queue and KeelDb are scoped).</summary>
    public static async Task<T> InScopeAsync<T>(this IServiceProvider services, Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public static Task<Guid> EnqueueAsync(this IServiceProvider services, JobRequest request) =>
        services.InScopeAsync(s => s.GetRequiredService<IJobQueue>().EnqueueAsync(request, TestContext.Current.CancellationToken));

    public static Task<Guid> EnqueueProbeAsync(this IServiceProvider services, object? payload = null, DateTime? runAt = null) =>
        services.EnqueueAsync(new JobRequest(ProbeJobHandler.JobType, payload, runAt));
}
