using Keel.Domain.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Keel.Application.Platform.Jobs;

/// <summary>
/// Runs one claimed job: resolves its handler in a fresh scope, keeps the lease alive while the handler works,
/// and records success, a retry with back-off, the dead-letter state, or a release when the node shuts down.
/// </summary>
internal sealed class JobRunner(
    IServiceScopeFactory scopes,
    JobHandlerRegistry handlers,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobRunner> log)
{
    /// <summary>Never throws: a failing handler or database must not take the worker loop down with it.</summary>
    public async Task RunAsync(Job job, CancellationToken stopping)
    {
        try
        {
            await RunCoreAsync(job, stopping);
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not record the outcome of job {JobId} ({JobType}); its lease will expire and it will run again.", job.Id, job.Type);
        }
    }

    private async Task RunCoreAsync(Job job, CancellationToken stopping)
    {
        // Bookkeeping has its own scope (and so its own DbContext): the handler's context may be mid-transaction or broken.
        await using var books = scopes.CreateAsyncScope();
        var leases = books.ServiceProvider.GetRequiredService<JobLeases>();
        using var leaseLost = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        using var finished = new CancellationTokenSource();
        var renewal = KeepLeaseAsync(job, leases, leaseLost, finished.Token);

        var (outcome, error, policy) = await InvokeHandlerAsync(job, leaseLost.Token);
        await finished.CancelAsync();
        await renewal;

        var now = time.GetUtcNow().UtcDateTime;
        var recorded = outcome switch
        {
            Outcome.Succeeded => await leases.SucceedAsync(job, now, CancellationToken.None),
            Outcome.Failed => await RecordFailureAsync(job, leases, policy, error!, now),
            Outcome.Interrupted when !stopping.IsCancellationRequested => false, // the lease was lost: the job is someone else's now
            Outcome.Interrupted => await leases.ReleaseAsync(job, now, $"Interrupted: node {options.Value.EffectiveNodeName} shut down.", CancellationToken.None),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
        if (!recorded)
        {
            log.LogWarning("Job {JobId} ({JobType}) attempt {Attempt} lost its lease; its outcome was not recorded.", job.Id, job.Type, job.Attempts);
        }
    }

    private async Task<(Outcome Outcome, string? Error, RetryPolicy Policy)> InvokeHandlerAsync(Job job, CancellationToken token)
    {
        await using var scope = scopes.CreateAsyncScope();
        IJobHandler? handler = null;
        try
        {
            // Resolved inside the try: a handler whose dependencies cannot be built fails (and dead-letters) like any other.
            handler = handlers.Resolve(scope.ServiceProvider, job.Type);
            if (handler is null)
            {
                return (Outcome.Failed, $"No handler for job type '{job.Type}' on node {options.Value.EffectiveNodeName}.", RetryPolicy.Default);
            }
            var context = new JobContext(job.Id, job.Type, job.Payload, job.Attempts, options.Value.EffectiveNodeName);
            await handler.RunAsync(context, token);
            return (Outcome.Succeeded, null, handler.RetryPolicy);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return (Outcome.Interrupted, null, handler?.RetryPolicy ?? RetryPolicy.Default);
        }
        catch (Exception e)
        {
            return (Outcome.Failed, e.ToString(), handler?.RetryPolicy ?? RetryPolicy.Default);
        }
    }

    private async Task<bool> RecordFailureAsync(Job job, JobLeases leases, RetryPolicy policy, string error, DateTime now)
    {
        var decision = policy.AfterFailure(job.Attempts, now);
        if (decision.State == JobState.DeadLetter)
        {
            log.LogError("Job {JobId} ({JobType}) failed attempt {Attempt} and is dead-lettered: {Error}", job.Id, job.Type, job.Attempts, FirstLine(error));
        }
        else
        {
            log.LogWarning("Job {JobId} ({JobType}) failed attempt {Attempt}; retrying at {RunAt:O}: {Error}", job.Id, job.Type, job.Attempts, decision.RunAt, FirstLine(error));
        }
        return await leases.FailAsync(job, decision, error, now, CancellationToken.None);
    }

    /// <summary>Renews the lease every third of its duration; if the job is no longer ours, cancels the handler.</summary>
    private async Task KeepLeaseAsync(Job job, JobLeases leases, CancellationTokenSource leaseLost, CancellationToken finished)
    {
        var lease = options.Value.LeaseDuration;
        while (!finished.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(lease / 3, time, finished);
                if (!await leases.RenewAsync(job, time.GetUtcNow().UtcDateTime + lease, finished))
                {
                    log.LogWarning("Job {JobId} ({JobType}) lost its lease; cancelling the handler.", job.Id, job.Type);
                    await leaseLost.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (finished.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A blip in the database: keep trying; if it lasts, the lease lapses and the fenced writes protect the next owner.
                log.LogWarning(e, "Could not renew the lease of job {JobId}.", job.Id);
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();

    private enum Outcome
    {
        Succeeded,
        Failed,
        Interrupted,
    }
}
