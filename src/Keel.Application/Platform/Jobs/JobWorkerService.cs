using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Keel.Application.Platform.Jobs;

/// <summary>
/// Hosts the <see cref="JobWorker"/> in any .NET host: the web app, <c>keel jobs work</c>, and the tests' nodes.
/// It lives beside the worker rather than in Keel.Web so that all three run exactly the same registrations.
/// </summary>
internal sealed class JobWorkerService(
    JobWorker worker, IOptions<JobsOptions> options, IHostApplicationLifetime lifetime, ILogger<JobWorkerService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            log.LogInformation("Background jobs do not run on this node (Keel:Jobs:Enabled is false).");
            return;
        }
        // Start-up (migrations, seeding) finishes before the host reports started; polling earlier would hit missing tables.
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }
        await worker.RunAsync(stoppingToken);
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
