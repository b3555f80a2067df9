using Keel.Domain.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Keel.Application.Platform.Jobs;

/// <summary>
/// The loop of one node: enqueue due recurring occurrences, claim as many due jobs as it has free slots, run them
/// concurrently, and sleep for the poll interval (or until a job finishes and frees a slot).
/// </summary>
internal sealed class JobWorker
{
    private readonly IServiceScopeFactory _scopes;
    private readonly JobRunner _runner;
    private readonly RecurringJobScheduler _recurring;
    private readonly JobsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<JobWorker> _log;

    public JobWorker(
        IServiceScopeFactory scopes, JobRunner runner, RecurringJobScheduler recurring,
        IOptions<JobsOptions> options, TimeProvider time, ILogger<JobWorker> log)
    {
        _scopes = scopes;
        _runner = runner;
        _recurring = recurring;
        _options = options.Value;
        _time = time;
        _log = log;
    }

    public string Node => _options.EffectiveNodeName;

    /// <summary>Runs until <paramref name="stopping"/> fires, then lets running jobs finish or hand them back.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        _log.LogInformation("Job worker {Node} started: up to {BatchSize} jobs at once, lease {Lease}, poll every {Poll}.",
            Node, _options.BatchSize, _options.LeaseDuration, _options.PollInterval);
        var running = new List<Task>();
        var nextRecurringCheck = DateTimeOffset.MinValue;
        while (!stopping.IsCancellationRequested)
        {
            var wait = _options.PollInterval;
            try
            {
                if (_time.GetUtcNow() >= nextRecurringCheck)
                {
                    await _recurring.EnqueueDueAsync(stopping);
                    nextRecurringCheck = _time.GetUtcNow() + _options.PollInterval;
                }
                running.RemoveAll(t => t.IsCompleted);
                var free = _options.BatchSize - running.Count;
                if (free > 0)
                {
                    foreach (var job in await ClaimAsync(free, stopping))
                    {
                        running.Add(_runner.RunAsync(job, stopping));
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Typically the database is unreachable; try again later rather than hammering it.
                _log.LogError(e, "Job worker {Node} could not poll for jobs.", Node);
                wait = _options.PollInterval * 5;
            }
            await WaitAsync(running, wait, stopping);
        }
        await Task.WhenAll(running);
        _log.LogInformation("Job worker {Node} stopped.", Node);
    }

    /// <summary>One pass without waiting: enqueue recurring occurrences, claim a batch, run it to the end. Returns the jobs run.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        await _recurring.EnqueueDueAsync(ct);
        var jobs = await ClaimAsync(_options.BatchSize, ct);
        await Task.WhenAll(jobs.Select(job => _runner.RunAsync(job, ct)));
        return jobs.Count;
    }

    private async Task<IReadOnlyList<Job>> ClaimAsync(int max, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        return await leases.ClaimAsync(Node, _time.GetUtcNow().UtcDateTime, _options.LeaseDuration, max, ct);
    }

    /// <summary>Sleeps for <paramref name="wait"/>, but wakes as soon as a running job finishes so its slot is refilled.</summary>
    private async Task WaitAsync(List<Task> running, TimeSpan wait, CancellationToken stopping)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var sleep = Task.Delay(wait, _time, wake.Token);
        await Task.WhenAny([sleep, .. running]);
        await wake.CancelAsync();
        await sleep.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
