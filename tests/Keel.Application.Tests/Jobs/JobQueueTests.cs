using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Tests.Jobs;

public sealed class JobQueueTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Enqueue_WithPayload_StoresAQueuedJobDueNow(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);

        var id = await node.EnqueueProbeAsync(new ProbePayload { DelayMs = 5 });

        var job = await JobWorkerTests.LoadAsync(database, id);
        job.Type.ShouldBe("platform.probe");
        job.State.ShouldBe(JobState.Queued);
        job.Attempts.ShouldBe(0);
        job.Payload.ShouldContain("\"delayMs\":5");
        job.RunAt.ShouldBe(TestDatabase.Start.UtcDateTime);
        job.CreatedAt.ShouldBe(TestDatabase.Start.UtcDateTime);
        job.DedupeKey.ShouldBeNull();
    }

    [Theory, DatabaseData]
    public async Task Enqueue_SameDedupeKeyTwice_KeepsOneJobAndReturnsItsId(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);
        var request = new JobRequest(ProbeJobHandler.JobType, DedupeKey: "sla:INC0000042:response");

        var first = await node.EnqueueAsync(request);
        var second = await node.EnqueueAsync(request);

        second.ShouldBe(first);
        (await JobWorkerTests.LoadAsync(database, first)).DedupeKey.ShouldBe("sla:INC0000042:response");
        (await node.Worker().RunDueAsync(Ct)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task Enqueue_InsideARolledBackTransaction_LeavesNoJob(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);

        await using (var scope = node.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<IJobQueue>().EnqueueAsync(ProbeJobHandler.JobType, cancellationToken: Ct);
            await transaction.RollbackAsync(Ct);
        }

        (await node.Worker().RunDueAsync(Ct)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Enqueue_TypeWithoutHandler_IsRefused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);

        var refused = await Should.ThrowAsync<ArgumentException>(() => node.EnqueueAsync(new JobRequest("no.such-type")));

        refused.Message.ShouldContain("no.such-type");
    }
}
