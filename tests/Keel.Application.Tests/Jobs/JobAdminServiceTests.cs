using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Tests.Jobs;

public sealed class JobAdminServiceTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task List_FilteredByState_PagesThroughOnlyThoseJobs(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);
        var dead = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            dead.Add(await node.EnqueueProbeAsync(new ProbePayload { Fail = true }));
            await node.EnqueueProbeAsync(runAt: TestDatabase.Start.UtcDateTime.AddDays(1)); // stays queued
            database.Time.Advance(TimeSpan.FromSeconds(1));
        }
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await node.Worker().RunDueAsync(Ct);
            database.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await Admin(node, a => a.ListAsync("DeadLetter", null, new PageRequest(2, cursor), Ct));
            page.IsSuccess.ShouldBeTrue();
            page.Value!.Items.Count.ShouldBeLessThanOrEqualTo(2);
            page.Value.Items.ShouldAllBe(j => j.State == "DeadLetter" && j.LastError != null);
            seen.AddRange(page.Value.Items.Select(j => j.Id));
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        seen.ShouldBe(dead); // oldest first, each once
        var bad = await Admin(node, a => a.ListAsync("Dead", null, new PageRequest(), Ct));
        bad.Error!.Code.ShouldBe("validation_failed");
    }

    [Theory, DatabaseData]
    public async Task Retry_DeadLetteredJob_QueuesItWithFreshAttemptsAndItRunsAgain(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);
        var id = await node.EnqueueProbeAsync(new ProbePayload { FailAttempts = 3 }); // dead after 3, fine on the 4th
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await node.Worker().RunDueAsync(Ct);
            database.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var retried = await Admin(node, a => a.RetryAsync(id, Ct));

        retried.Value!.State.ShouldBe("Queued");
        retried.Value.Attempts.ShouldBe(0);
        // Attempt numbers restart, so the probe fails again on its "first" attempt: the point is that it runs.
        (await node.Worker().RunDueAsync(Ct)).ShouldBe(1);
        (await JobWorkerTests.LoadAsync(database, id)).Attempts.ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task Retry_JobThatIsNotDeadLettered_IsAConflictAndUnknownIdIsNotFound(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);
        var id = await node.EnqueueProbeAsync();
        await node.Worker().RunDueAsync(Ct);

        var conflict = await Admin(node, a => a.RetryAsync(id, Ct));
        var missing = await Admin(node, a => a.RetryAsync(Guid.NewGuid(), Ct));

        conflict.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        conflict.Error.Message.ShouldContain("Succeeded");
        missing.Error!.Code.ShouldBe("not_found");
    }

    [Theory, DatabaseData]
    public async Task EnqueueProbe_InvalidDelay_IsAValidationErrorNamingTheField(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        await using var node = JobNode.Services(database);

        var refused = await Admin(node, a => a.EnqueueProbeAsync(new ProbePayload { DelayMs = -1 }, Ct));
        var accepted = await Admin(node, a => a.EnqueueProbeAsync(new ProbePayload { DelayMs = 10 }, Ct));

        refused.Error!.Fields!.Keys.ShouldBe(["delayMs"]);
        accepted.Value!.Type.ShouldBe("platform.probe");
        accepted.Value.Payload.GetProperty("delayMs").GetInt32().ShouldBe(10);
    }

    private static Task<T> Admin<T>(ServiceProvider node, Func<JobAdminService, Task<T>> use) =>
        node.InScopeAsync(s => use(s.GetRequiredService<JobAdminService>()));
}
