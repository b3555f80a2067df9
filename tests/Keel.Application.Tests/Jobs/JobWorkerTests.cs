using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Tests.Jobs;

/// <summary>Claim, success, retry with back-off, dead letter and lease expiry, step by step on the fake clock.</summary>
public sealed class JobWorkerTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Job_DueAndHandled_SucceedsOnFirstAttemptAndNamesTheNode(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database, "node-a");
        var id = await node.EnqueueProbeAsync();

        (await node.Worker().RunDueAsync(Ct)).ShouldBe(1);

        var job = await LoadAsync(database, id);
        job.State.ShouldBe(JobState.Succeeded);
        job.Attempts.ShouldBe(1);
        job.LeaseOwner.ShouldBe("node-a");
        job.LeaseExpiresAt.ShouldBeNull();
        job.CompletedAt.ShouldBe(TestDatabase.Start.UtcDateTime);
        (await node.Worker().RunDueAsync(Ct)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Job_ScheduledLater_IsNotClaimedBeforeItsRunAt(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);
        var id = await node.EnqueueProbeAsync(runAt: TestDatabase.Start.UtcDateTime.AddMinutes(10));

        (await node.Worker().RunDueAsync(Ct)).ShouldBe(0);
        database.Time.Advance(TimeSpan.FromMinutes(10));
        (await node.Worker().RunDueAsync(Ct)).ShouldBe(1);

        (await LoadAsync(database, id)).State.ShouldBe(JobState.Succeeded);
    }

    [Theory, DatabaseData]
    public async Task Job_Failing_IsRetriedWithBackOffThenDeadLettered(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);
        var id = await node.EnqueueProbeAsync(new ProbePayload { Fail = true }); // probe policy: 3 attempts, 2 s doubling

        (await node.Worker().RunDueAsync(Ct)).ShouldBe(1);
        var first = await LoadAsync(database, id);
        first.State.ShouldBe(JobState.Queued);
        first.Attempts.ShouldBe(1);
        first.RunAt.ShouldBe(TestDatabase.Start.UtcDateTime.AddSeconds(2));
        first.LastError.ShouldNotBeNull().ShouldContain("Probe failed on attempt 1");

        database.Time.Advance(TimeSpan.FromSeconds(1));
        (await node.Worker().RunDueAsync(Ct)).ShouldBe(0); // still backing off
        database.Time.Advance(TimeSpan.FromSeconds(1));
        (await node.Worker().RunDueAsync(Ct)).ShouldBe(1);
        (await LoadAsync(database, id)).RunAt.ShouldBe(TestDatabase.Start.UtcDateTime.AddSeconds(2 + 4));

        database.Time.Advance(TimeSpan.FromSeconds(4));
        (await node.Worker().RunDueAsync(Ct)).ShouldBe(1);
        var dead = await LoadAsync(database, id);
        dead.State.ShouldBe(JobState.DeadLetter);
        dead.Attempts.ShouldBe(3);
        dead.LastError.ShouldNotBeNull().ShouldContain("Probe failed on attempt 3");

        database.Time.Advance(TimeSpan.FromHours(1));
        await node.Worker().RunDueAsync(Ct);
        (await LoadAsync(database, id)).ShouldSatisfyAllConditions( // dead letters wait for an admin
            j => j.State.ShouldBe(JobState.DeadLetter), j => j.Attempts.ShouldBe(3));
    }

    [Theory, DatabaseData]
    public async Task Job_FailingTwiceThenSucceeding_EndsSucceededAfterThreeAttempts(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);
        var id = await node.EnqueueProbeAsync(new ProbePayload { FailAttempts = 2 });

        for (var i = 0; i < 3; i++)
        {
            (await node.Worker().RunDueAsync(Ct)).ShouldBe(1);
            database.Time.Advance(TimeSpan.FromSeconds(10));
        }

        var job = await LoadAsync(database, id);
        job.State.ShouldBe(JobState.Succeeded);
        job.Attempts.ShouldBe(3);
    }

    [Theory, DatabaseData]
    public async Task RunningJob_WhoseNodeDied_IsClaimedAgainOnlyAfterItsLeaseExpires(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var dead = JobNode.Services(database, "dead-node");
        await using var rescuer = JobNode.Services(database, "rescuer");
        var id = await dead.EnqueueProbeAsync();
        // The dead node claims the job and never reports back, as if killed mid-run.
        var claimed = await dead.InScopeAsync(s => s.GetRequiredService<JobLeases>()
            .ClaimAsync("dead-node", database.Time.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(2), 10, Ct));
        claimed.Select(j => j.Id).ShouldBe([id]);

        database.Time.Advance(TimeSpan.FromSeconds(1.9));
        (await rescuer.Worker().RunDueAsync(Ct)).ShouldBe(0);
        database.Time.Advance(TimeSpan.FromSeconds(0.1));
        (await rescuer.Worker().RunDueAsync(Ct)).ShouldBe(1);

        var job = await LoadAsync(database, id);
        job.State.ShouldBe(JobState.Succeeded);
        job.Attempts.ShouldBe(2);
        job.LeaseOwner.ShouldBe("rescuer");
        // The first node's late report is fenced off: its attempt is no longer the job's.
        (await dead.InScopeAsync(s => s.GetRequiredService<JobLeases>().SucceedAsync(claimed[0], TestDatabase.Start.UtcDateTime, Ct)))
            .ShouldBeFalse();
    }

    [Theory, DatabaseData]
    public async Task Jobs_MoreThanTheBatch_AreClaimedInRunAtOrderAcrossPasses(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database); // batch size 8
        var start = TestDatabase.Start.UtcDateTime;
        var ids = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await node.EnqueueProbeAsync(runAt: start.AddSeconds(-10 + i)));
        }

        (await node.Worker().RunDueAsync(Ct)).ShouldBe(8);
        await using var db = database.NewDbContext();
        var waiting = await db.Set<Job>().Where(j => j.State == JobState.Queued).Select(j => j.Id).ToListAsync(Ct);
        waiting.ShouldBe(ids[8..], ignoreOrder: true);
        (await node.Worker().RunDueAsync(Ct)).ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task Job_WithUnknownType_FailsWithAClearErrorInsteadOfStallingTheQueue(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        // Enqueued by a node that knows the type, run by one that does not (a rolling upgrade).
        await using var newer = JobNode.Services(database, "newer", s => s.AddJobHandler<RecordingJobHandler>().AddSingleton<Executions>());
        await using var older = JobNode.Services(database, "older");
        var id = await newer.EnqueueAsync(new JobRequest(RecordingJobHandler.JobType));

        (await older.Worker().RunDueAsync(Ct)).ShouldBe(1);

        var job = await LoadAsync(database, id);
        job.State.ShouldBe(JobState.Queued);
        job.LastError.ShouldBe("No handler for job type 'test.record' on node older.");
        database.Time.Advance(TimeSpan.FromMinutes(1));
        (await newer.Worker().RunDueAsync(Ct)).ShouldBe(1);
        (await LoadAsync(database, id)).State.ShouldBe(JobState.Succeeded);
    }

    internal static async Task<Job> LoadAsync(TestDatabase database, Guid id)
    {
        await using var db = database.NewDbContext();
        return await db.Set<Job>().AsNoTracking().SingleAsync(j => j.Id == id, Ct);
    }
}
