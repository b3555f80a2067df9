using Keel.Application.Data;
using Keel.Application.Balance;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class CapacityTargetServiceTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Put_SharesNotAddingUpTo100_FieldErrorsAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await BalanceWorld.CreateAsync(database);

        var refused = await world.SetTargetAsync("2026-03", 55, 15, 20, 15, 5);
        var missing = await world.RunAsync(world.Leader, (_, t) => t.PutAsync(new DateOnly(2026, 3, 1), null, new CapacityTargetDraft(55, null, 20, 25, 5), null, Ct));

        refused.Error!.Fields!.Keys.ShouldBe(["sum"]);
        missing.Error!.Fields!.Keys.ShouldBe(["debt"]);
        (await world.RunInAsync(world.Leader, db => db.Set<CapacityTarget>().CountAsync(Ct))).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Put_ReplaceNeedsTheCurrentVersion_StaleRefusedFreshApplied(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await BalanceWorld.CreateAsync(database);

        var created = (await world.SetTargetAsync("2026-03", 55, 15, 20, 10, 5)).Value;
        var withoutVersion = await world.SetTargetAsync("2026-03", 50, 20, 20, 10, 5);
        var stale = await world.SetTargetAsync("2026-03", 50, 20, 20, 10, 5, version: created.Target.Version + 1);
        var replaced = (await world.SetTargetAsync("2026-03", 50.5m, 19.5m, 20, 10, 4, version: created.Target.Version)).Value;

        created.Created.ShouldBeTrue();
        withoutVersion.Error!.Code.ShouldBe("precondition_required");
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        (replaced.Created, replaced.Target.Run, replaced.Target.Debt, replaced.Target.Tolerance).ShouldBe((false, 50.5m, 19.5m, 4m));
        replaced.Target.Version.ShouldBeGreaterThan(created.Target.Version);
        var listed = (await world.RunAsync(world.Leader, (_, t) => t.ListAsync(null, Ct))).Value!.ShouldHaveSingleItem();
        (listed.Period, listed.Run, listed.Team).ShouldBe(("2026-03", 50.5m, null));
    }

    [Theory, DatabaseData]
    public async Task Put_ByAgent_ForbiddenAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await BalanceWorld.CreateAsync(database);

        var result = await world.RunAsync(world.Work.Agent, (_, t) => t.PutAsync(new DateOnly(2026, 3, 1), null, new CapacityTargetDraft(55, 15, 20, 10, 5), null, Ct));

        result.Error!.Code.ShouldBe("forbidden");
        (await world.RunInAsync(world.Leader, db => db.Set<CapacityTarget>().CountAsync(Ct))).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Delete_TeamPlan_TheDepartmentsAppliesAgain(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await BalanceWorld.CreateAsync(database);
        var desk = world.Work.Desk.Id;
        await world.SetTargetAsync("2026-01", 55, 15, 20, 10, 5);
        await world.SetTargetAsync("2026-02", 70, 10, 10, 10, 5, desk);

        (await world.RunAsync(world.Leader, (_, t) => t.DeleteAsync(new DateOnly(2026, 2, 1), desk, null, Ct))).IsSuccess.ShouldBeTrue();

        var balance = (await world.RunAsync(world.Leader, (b, _) => b.BalanceAsync(new DateOnly(2026, 2, 1), null, desk, BalanceBasis.Hours, Ct))).Value!;
        balance.Periods.ShouldAllBe(p => p.TargetFrom == "2026-01" && p.TargetTeam == null);
        (await world.RunAsync(world.Leader, (_, t) => t.GetAsync(new DateOnly(2026, 2, 1), desk, Ct))).Error!.Code.ShouldBe("not_found");
    }
}
