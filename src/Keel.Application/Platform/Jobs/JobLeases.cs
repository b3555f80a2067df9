using Keel.Application.Data;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Jobs;

/// <summary>
/// Claims jobs and records their outcome. Every write after the claim is fenced by (id, attempt, Running): a node whose
/// lease expired and was taken over by another node cannot overwrite the newer attempt.
/// </summary>
internal sealed class JobLeases(KeelDb db)
{
    public async Task<IReadOnlyList<Job>> ClaimAsync(string owner, DateTime nowUtc, TimeSpan lease, int max, CancellationToken ct) =>
        await db.Set<Job>()
            .FromSqlRaw(JobSql.For(db).Claim, owner, nowUtc + lease, nowUtc, max)
            .AsNoTracking()
            .ToListAsync(ct);

    public async Task<bool> RenewAsync(Job job, DateTime leaseUntilUtc, CancellationToken ct) =>
        await Held(job).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, leaseUntilUtc), ct) == 1;

    public async Task<bool> SucceedAsync(Job job, DateTime nowUtc, CancellationToken ct) =>
        await Held(job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Succeeded)
            .SetProperty(j => j.CompletedAt, nowUtc)
            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), ct) == 1;

    public async Task<bool> FailAsync(Job job, RetryDecision decision, string error, DateTime nowUtc, CancellationToken ct) =>
        await Held(job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, decision.State)
            .SetProperty(j => j.RunAt, decision.RunAt ?? job.RunAt)
            .SetProperty(j => j.CompletedAt, decision.State == JobState.DeadLetter ? nowUtc : null)
            .SetProperty(j => j.LastError, Truncate(error))
            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), ct) == 1;

    /// <summary>Hands the job back without counting a failure (the node is shutting down); another node may take it at once.</summary>
    public async Task<bool> ReleaseAsync(Job job, DateTime nowUtc, string reason, CancellationToken ct) =>
        await Held(job).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Queued)
            .SetProperty(j => j.RunAt, nowUtc)
            .SetProperty(j => j.LastError, reason)
            .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null), ct) == 1;

    private IQueryable<Job> Held(Job job) =>
        db.Set<Job>().Where(j => j.Id == job.Id && j.Attempts == job.Attempts && j.State == JobState.Running);

    private static string Truncate(string error) =>
        error.Length <= Job.MaxErrorLength ? error : error[..(Job.MaxErrorLength - 1)] + "…";
}
