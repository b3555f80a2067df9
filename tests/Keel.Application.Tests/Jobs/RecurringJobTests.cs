using Keel.Application.Data;
using Keel.Application.Platform.Jobs;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Tests.Jobs;

public sealed class RecurringJobTests(DatabaseFixture databases)
{
    private const string Name = "test.every-minute";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task RecurringJob_TwoNodesRacingAtEveryOccurrence_RunsEachOccurrenceExactlyOnce(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var executions = new Executions();
        await using var a = Node(database, "node-a", executions);
        await using var b = Node(database, "node-b", executions);
        await Task.WhenAll(a.Worker().RunDueAsync(Ct), b.Worker().RunDueAsync(Ct)); // registers the schedule; first run in a minute

        for (var minute = 1; minute <= 5; minute++)
        {
            database.Time.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAll(a.Worker().RunDueAsync(Ct), b.Worker().RunDueAsync(Ct));
            executions.Total.ShouldBe(minute, $"after occurrence {minute}");
        }

        executions.Runs.Values.ShouldAllBe(runs => runs == 1);
        await using var db = database.NewDbContext();
        var keys = await db.Set<Job>().Where(j => j.Type == RecordingJobHandler.JobType).Select(j => j.DedupeKey).ToListAsync(Ct);
        keys.Count.ShouldBe(5);
        keys.ShouldAllBe(k => k!.StartsWith("recurring:test.every-minute:", StringComparison.Ordinal));
        var schedule = await db.Set<RecurringJob>().SingleAsync(r => r.Name == Name, Ct);
        schedule.NextRunAt.ShouldBe(TestDatabase.Start.UtcDateTime.AddMinutes(6));
    }

    [Theory, DatabaseData]
    public async Task RecurringJob_AfterNodesWereDown_RunsOnceAndSkipsMissedOccurrences(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var executions = new Executions();
        await using var node = Node(database, "node-a", executions);
        await node.Worker().RunDueAsync(Ct);

        database.Time.Advance(TimeSpan.FromMinutes(17)); // 17 occurrences missed
        await node.Worker().RunDueAsync(Ct);
        await node.Worker().RunDueAsync(Ct);

        executions.Total.ShouldBe(1);
        await using var db = database.NewDbContext();
        (await db.Set<RecurringJob>().SingleAsync(r => r.Name == Name, Ct)).NextRunAt.ShouldBe(TestDatabase.Start.UtcDateTime.AddMinutes(18));
    }

    [Theory, DatabaseData]
    public async Task RecurringJob_ScheduleChangedInCode_RestartsFromTheNewSchedule(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var executions = new Executions();
        await using (var before = Node(database, "node-a", executions))
        {
            await before.Worker().RunDueAsync(Ct);
        }
        await using var after = Node(database, "node-a", executions, "daily 02:30");

        await after.Worker().RunDueAsync(Ct);

        await using var db = database.NewDbContext();
        var schedule = await db.Set<RecurringJob>().SingleAsync(r => r.Name == Name, Ct);
        schedule.Schedule.ShouldBe("daily 02:30");
        schedule.NextRunAt.ShouldBe(new DateTime(2026, 3, 3, 2, 30, 0, DateTimeKind.Utc));
    }

    private static ServiceProvider Node(TestDatabase database, string name, Executions executions, string schedule = "every 1m") =>
        JobNode.Services(database, name, s => s
            .AddSingleton(executions)
            .AddJobHandler<RecordingJobHandler>()
            .AddRecurringJob(Name, RecordingJobHandler.JobType, schedule));
}
