using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Jobs;

public sealed class JobsCleanupTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Cleanup_Hourly_DeletesSucceededJobsPastRetentionButKeepsDeadLettersAndRecentJobs(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database); // retention: the default 7 days
        var old = await node.EnqueueProbeAsync();
        var dead = await node.EnqueueProbeAsync(new ProbePayload { Fail = true });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await node.Worker().RunDueAsync(Ct);
            database.Time.Advance(TimeSpan.FromMinutes(1));
        }
        database.Time.Advance(TimeSpan.FromDays(7)); // the hourly clean-up is due; `old` is past retention
        var recent = await node.EnqueueProbeAsync();

        await node.Worker().RunDueAsync(Ct); // enqueues the clean-up occurrence, then runs it with `recent`

        await using var db = database.NewDbContext();
        var probes = await db.Set<Job>().Where(j => j.Type == ProbeJobHandler.JobType).Select(j => j.Id).ToListAsync(Ct);
        probes.ShouldBe([dead, recent], ignoreOrder: true);
        probes.ShouldNotContain(old);
        (await db.Set<Job>().CountAsync(j => j.Type == JobsCleanupHandler.JobType && j.State == JobState.Succeeded, Ct)).ShouldBe(1);
    }
}
