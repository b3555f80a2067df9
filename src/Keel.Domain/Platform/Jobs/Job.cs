namespace Keel.Domain.Platform.Jobs;

/// <summary>
/// One unit of background work in the database queue. A worker node leases it (owner and expiry) while it runs;
/// a lease that runs out without being renewed means the node died, and the job becomes claimable again.
/// Jobs are bookkeeping, not business data, so they are not audited.
/// </summary>
public sealed class Job
{
    public const int MaxTypeLength = 100;
    public const int MaxDedupeKeyLength = 200;
    public const int MaxLeaseOwnerLength = 200;
    public const int MaxErrorLength = 4000;

    public Guid Id { get; set; }

    /// <summary>The handler's name, e.g. <c>platform.probe</c>.</summary>
    public required string Type { get; set; }

    /// <summary>JSON the handler reads; <c>{}</c> when the job needs nothing.</summary>
    public string Payload { get; set; } = "{}";

    public JobState State { get; set; } = JobState.Queued;

    /// <summary>Attempts started so far; each claim adds one, and it fences writes from a node whose lease was taken over.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this instant (UTC): the first run, or the next retry after a back-off.</summary>
    public DateTime RunAt { get; set; }

    /// <summary>The node that holds (or last held) the lease; kept after completion to show who ran it.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>The latest failure, kept after a later success so that admins can see a job needed retries.</summary>
    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the latest attempt started.</summary>
    public DateTime? StartedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Optional and unique: enqueuing a key that an existing job carries is a no-op.</summary>
    public string? DedupeKey { get; set; }
}
