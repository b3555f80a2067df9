using Keel.Domain.Platform.Jobs;

namespace Keel.Application.Platform.Jobs;

/// <summary>
/// Runs jobs of one <see cref="Type"/>. Register with <c>services.AddJobHandler&lt;T&gt;()</c>; the handler is resolved
/// from a fresh DI scope per attempt, so it may take KeelDb and other scoped services in its constructor.
/// A job may run again after a crash (at-least-once), so make handlers idempotent, e.g. keyed on <see cref="JobContext.JobId"/>.
/// </summary>
public interface IJobHandler
{
    /// <summary>The stable name stored in each job, e.g. <c>sla.breach-check</c>.</summary>
    string Type { get; }

    /// <summary>How often and how fast to retry a failing job of this type.</summary>
    RetryPolicy RetryPolicy => RetryPolicy.Default;

    /// <summary>Throw to fail the attempt. The token fires when the node shuts down or loses the job's lease.</summary>
    Task RunAsync(JobContext context, CancellationToken cancellationToken);
}
