using System.Diagnostics;
using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Jobs;

/// <summary>A worker process killed with SIGKILL mid-job: its lease runs out and another node finishes the job.</summary>
public sealed class KillNineTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Job_WhoseWorkerProcessIsKilledMidRun_IsRetriedByAnotherNodeAfterTheLeaseExpires()
    {
        await using var database = await databases.CreateAsync(DatabaseProvider.Postgres, Ct);
        Guid id;
        await using (var node = JobNode.Services(database))
        {
            // The first attempt would run for a minute; later attempts finish at once.
            id = await node.EnqueueProbeAsync(new ProbePayload { DelayMs = 60_000, DelayAttempts = 1 });
        }
        // The victim leases for 2 s and renews every ~0.7 s while it runs; the rescuer keeps the default 30 s lease.
        var clock = Stopwatch.StartNew();
        using var victim = KeelCliProcess.Start(JobNode.Settings(database, "victim", lease: TimeSpan.FromSeconds(2)), "jobs", "work");
        await WaitForAsync(database, id, j => j is { State: JobState.Running, LeaseOwner: "victim" }, TimeSpan.FromSeconds(60), victim);

        var claimedAfter = clock.ElapsedMilliseconds;
        await victim.KillHardAsync();
        var killed = Stopwatch.StartNew();
        var orphaned = await JobWorkerTests.LoadAsync(database, id); // the victim's last lease: nobody renews it now
        using var rescuer = await JobNode.StartHostAsync(database, "rescuer");
        var done = await WaitForAsync(database, id, j => j.State == JobState.Succeeded, TimeSpan.FromSeconds(30), victim);
        await rescuer.StopAsync(Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"keel jobs work claimed the job {claimedAfter} ms after start; recovered {killed.ElapsedMilliseconds} ms after SIGKILL");

        (orphaned.State, orphaned.LeaseOwner, orphaned.Attempts).ShouldBe((JobState.Running, "victim", 1));
        done.Attempts.ShouldBe(2);
        done.LeaseOwner.ShouldBe("rescuer");
        // Claimed again only once the orphaned lease had run out, never while the victim might still have been working.
        done.StartedAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(orphaned.LeaseExpiresAt.ShouldNotBeNull());
    }

    private static async Task<Job> WaitForAsync(TestDatabase database, Guid id, Func<Job, bool> condition, TimeSpan timeout, KeelCliProcess process)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await JobWorkerTests.LoadAsync(database, id);
            if (condition(job))
            {
                return job;
            }
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Job is {job.State} (owner {job.LeaseOwner}, attempts {job.Attempts}) after {timeout}. keel said:\n{process.Output}");
            }
            await Task.Delay(50, Ct);
        }
    }
}
