using Keel.Application.Data;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Keel.Application.Platform.Jobs;

/// <summary>
/// Deletes succeeded jobs older than <see cref="JobsOptions.RetainSucceededFor"/>, so the queue table stays small.
/// Dead letters stay until an admin retries them. Runs hourly as the recurring job of the same name.
/// </summary>
internal sealed class JobsCleanupHandler(KeelDb db, IOptions<JobsOptions> options, TimeProvider time) : IJobHandler
{
    public const string JobType = "platform.jobs-cleanup";
    public const string Schedule = "every 1h";

    public string Type => JobType;

    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.RetainSucceededFor;
        await db.Set<Job>()
            .Where(j => j.State == JobState.Succeeded && j.CompletedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
