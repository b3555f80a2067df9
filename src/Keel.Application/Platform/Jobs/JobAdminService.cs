using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Jobs;

/// <summary>A job as admins see it.</summary>
public sealed record JobView(
    Guid Id, string Type, string State, JsonElement Payload, int Attempts, DateTime RunAt, string? LeaseOwner,
    DateTime? LeaseExpiresAt, string? LastError, DateTime CreatedAt, DateTime? StartedAt, DateTime? CompletedAt, string? DedupeKey);

/// <summary>The admin's view of the queue: find jobs, look at one, send a dead-lettered job round again, start a probe.</summary>
public sealed class JobAdminService(KeelDb db, IJobQueue queue, TimeProvider time)
{
    private static readonly KeysetPager<Job> Pager = new(j => j.Id,
        SortKey<Job>.By("createdAt", j => j.CreatedAt), SortKey<Job>.By("runAt", j => j.RunAt));

    /// <param name="states">Comma-separated states, e.g. <c>DeadLetter</c> or <c>Queued,Running</c>; null for all.</param>
    public async Task<Result<Page<JobView>>> ListAsync(string? states, string? type, PageRequest page, CancellationToken ct)
    {
        var wanted = new List<JobState>();
        foreach (var name in (states ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<JobState>(name, ignoreCase: true, out var state) || !Enum.IsDefined(state))
            {
                return Error.Validation("state", $"must be among: {string.Join(", ", Enum.GetNames<JobState>())}.");
            }
            wanted.Add(state);
        }
        var query = db.Set<Job>().AsNoTracking();
        if (wanted.Count > 0)
        {
            query = query.Where(j => wanted.Contains(j.State));
        }
        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(j => j.Type == type);
        }
        var result = await Pager.PageAsync(query, page, ct);
        return result.IsSuccess ? result.Value!.Map(View) : result.Error!;
    }

    public async Task<Result<JobView>> GetAsync(Guid id, CancellationToken ct)
    {
        var job = await db.Set<Job>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? Error.NotFound("The job") : View(job);
    }

    /// <summary>Queues a dead-lettered job again with a fresh set of attempts; any other state is a conflict.</summary>
    public async Task<Result<JobView>> RetryAsync(Guid id, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var requeued = await db.Set<Job>()
            .Where(j => j.Id == id && j.State == JobState.DeadLetter)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.RunAt, now)
                .SetProperty(j => j.CompletedAt, (DateTime?)null), ct);
        var job = await GetAsync(id, ct);
        if (requeued == 0 && job.IsSuccess)
        {
            return Error.Conflict($"Only a dead-lettered job can be retried; this one is {job.Value!.State}.");
        }
        return job;
    }

    public async Task<Result<JobView>> EnqueueProbeAsync(ProbePayload probe, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (probe.DelayMs is < 0 or > ProbePayload.MaxDelayMs)
        {
            errors.Add("delayMs", $"must be between 0 and {ProbePayload.MaxDelayMs}.");
        }
        if (probe.DelayAttempts is < 1)
        {
            errors.Add("delayAttempts", "must be at least 1.");
        }
        if (probe.FailAttempts is < 0)
        {
            errors.Add("failAttempts", "must not be negative.");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var id = await queue.EnqueueAsync(ProbeJobHandler.JobType, probe, cancellationToken: ct);
        return await GetAsync(id, ct);
    }

    private static JobView View(Job j) => new(
        j.Id, j.Type, j.State.ToString(), ParsePayload(j.Payload), j.Attempts, j.RunAt, j.LeaseOwner, j.LeaseExpiresAt,
        j.LastError, j.CreatedAt, j.StartedAt, j.CompletedAt, j.DedupeKey);

    private static JsonElement ParsePayload(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.Clone();
    }
}
