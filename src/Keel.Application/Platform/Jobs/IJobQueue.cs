namespace Keel.Application.Platform.Jobs;

/// <summary>
/// A job to enqueue. <paramref name="DedupeKey"/>: while a job with this key is kept (until its success is older than
/// Keel:Jobs:RetainSucceededFor), enqueuing the key again adds nothing and returns that job's id.
/// </summary>
public sealed record JobRequest(string Type, object? Payload = null, DateTime? RunAt = null, string? DedupeKey = null);

/// <summary>
/// Puts work on the database queue. It saves through the scoped KeelDb, so it joins a transaction the caller has open
/// (enqueue in the same transaction as the change that needs the job, and both commit or neither does).
/// </summary>
public interface IJobQueue
{
    Task<Guid> EnqueueAsync(string type, object? payload = null, DateTime? runAt = null, CancellationToken cancellationToken = default);

    Task<Guid> EnqueueAsync(JobRequest request, CancellationToken cancellationToken = default);
}
