using System.Diagnostics;
using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Keel.Application.Tests.Jobs;

/// <summary>Two application hosts, each with its own polling worker, on one PostgreSQL database.</summary>
public sealed class TwoNodeTests(DatabaseFixture databases)
{
    private const int JobCount = 300;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Jobs_TwoHostsOnOnePostgresDatabase_EachJobRunsExactlyOnce()
    {
        await using var database = await databases.CreateAsync(DatabaseProvider.Postgres, Ct);
        var executions = new Executions();
        void Recording(IServiceCollection s) => s.AddSingleton(executions).AddJobHandler<RecordingJobHandler>();
        using var a = await JobNode.StartHostAsync(database, "node-a", Recording);
        using var b = await JobNode.StartHostAsync(database, "node-b", Recording);
        var clock = Stopwatch.StartNew();

        // Enqueued while both nodes poll, so they compete for every batch.
        var ids = new List<Guid>();
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var queue = scope.ServiceProvider.GetRequiredService<IJobQueue>();
            for (var i = 0; i < JobCount; i++)
            {
                ids.Add(await queue.EnqueueAsync(RecordingJobHandler.JobType, new { n = i }, cancellationToken: Ct));
            }
        }
        await WaitUntilAsync(database, db => db.Set<Job>().CountAsync(j => j.State == JobState.Succeeded, Ct), JobCount, TimeSpan.FromSeconds(60));
        await Task.WhenAll(a.StopAsync(Ct), b.StopAsync(Ct));
        TestContext.Current.TestOutputHelper?.WriteLine($"{JobCount} jobs on two nodes in {clock.ElapsedMilliseconds} ms");

        executions.Runs.Keys.ShouldBe(ids, ignoreOrder: true);
        executions.Runs.Values.ShouldAllBe(runs => runs == 1);
        executions.Nodes.Values.Distinct().ShouldBe(["node-a", "node-b"], ignoreOrder: true); // both did real work
        await using var check = database.NewDbContext();
        var stored = await check.Set<Job>().AsNoTracking().ToListAsync(Ct);
        stored.Count.ShouldBe(JobCount);
        stored.ShouldAllBe(j => j.State == JobState.Succeeded && j.Attempts == 1 && j.LeaseExpiresAt == null);
        stored.ToDictionary(j => j.Id, j => j.LeaseOwner).ShouldBe(executions.Nodes.ToDictionary(n => n.Key, n => (string?)n.Value), ignoreOrder: true);
    }

    internal static async Task WaitUntilAsync<T>(TestDatabase database, Func<KeelDb, Task<T>> read, T expected, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        T last;
        do
        {
            await using (var db = database.NewDbContext())
            {
                last = await read(db);
            }
            if (EqualityComparer<T>.Default.Equals(last, expected))
            {
                return;
            }
            await Task.Delay(50, Ct);
        }
        while (deadline.Elapsed < timeout);
        Assert.Fail($"Waited {timeout.TotalSeconds} s for {expected}; last saw {last}.");
    }
}
