using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Work;

public sealed class WorkSettingsTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Result<WorkSettingsView>> UpdateAsync(WorkWorld world, ICurrentUser user, long version, WorkSettingsPatch patch)
    {
        await using var db = world.Database.NewDbContext(user);
        return await new WorkSettingsService(db, user).UpdateAsync(version, patch, Ct);
    }

    private static async Task<WorkSettingsView> GetAsync(WorkWorld world)
    {
        await using var db = world.Database.NewDbContext(world.Agent);
        return (await new WorkSettingsService(db, world.Agent).GetAsync(Ct)).Value!;
    }

    private static WorkSettingsPatch Matrix(params int[] cells) => new(new Optional<IReadOnlyList<int>?>(true, cells), default, default, default);

    [Theory, DatabaseData]
    public async Task Update_NewMatrix_NewIncidentsFollowItAndOpenOnesKeepTheirPriority(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var before = (await world.RaiseAsync(world.Requester, impact: 2, urgency: 2)).Value!;

        var saved = await UpdateAsync(world, TestUser.Admin, (await GetAsync(world)).Version, Matrix(1, 1, 2, 1, 1, 2, 2, 2, 3));
        var after = (await world.RaiseAsync(world.Requester, impact: 2, urgency: 2)).Value!;

        saved.Value!.PriorityMatrix.ShouldBe([1, 1, 2, 1, 1, 2, 2, 2, 3]);
        (before.Priority, after.Priority).ShouldBe((3, 1));
        (await world.RunAsync(world.Agent, u => u.Work.GetAsync(WorkKind.Incident, before.Number, Ct))).Value!.Priority.ShouldBe(3);
    }

    [Theory, DatabaseData]
    public async Task Update_InvertedMatrixAndAbsurdDays_FieldErrorsNamedAsTheApiFields(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var version = (await GetAsync(world)).Version;

        var result = await UpdateAsync(world, TestUser.Admin, version, new WorkSettingsPatch(
            new Optional<IReadOnlyList<int>?>(true, [4, 1, 1, 1, 1, 1, 1, 1, 1]), new Optional<double?>(true, 1e300), new Optional<double?>(true, 0), default));

        result.Error!.Fields!.Keys.Order().ShouldBe(["autoCloseAfterDays", "priorityMatrix", "reopenWindowDays"]);
        (await GetAsync(world)).PriorityMatrix.ShouldBe(PriorityMatrix.Default.Cells);
    }

    [Theory, DatabaseData]
    public async Task Update_StaleVersionOrByAgent_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var version = (await GetAsync(world)).Version;
        var days = new WorkSettingsPatch(default, new Optional<double?>(true, 14), default, default);
        (await UpdateAsync(world, TestUser.Admin, version, days)).Value!.ReopenWindowDays.ShouldBe(14);

        var stale = await UpdateAsync(world, TestUser.Admin, version, new WorkSettingsPatch(default, new Optional<double?>(true, 2), default, default));
        var byAgent = await UpdateAsync(world, world.Agent, version + 1, days);

        stale.Error!.Code.ShouldBe("concurrency_conflict");
        byAgent.Error!.Code.ShouldBe("forbidden");
        (await GetAsync(world)).ReopenWindowDays.ShouldBe(14);
    }
}
