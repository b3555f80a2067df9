using Keel.Application.Changes;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Changes;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using static Keel.Application.Tests.Changes.ChangeCalendarWorld;

namespace Keel.Application.Tests.Changes;

public sealed class ChangeScheduleTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Conflicts_OverlapFreezeAndMaintenance_EachNamedOnTheChangeAndTheCalendar(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await CreateAsync(database);
        var patch = await world.AddChangeAsync("Patch db01", At(10, 20), At(10, 23), WorkState.Scheduled, world.Db01);
        var upgrade = await world.AddChangeAsync("Upgrade db01", At(10, 22), At(11, 1), WorkState.Scheduled, world.Db01);
        await world.AddChangeAsync("Draft on db01", At(10, 20), At(10, 23), WorkState.Draft, world.Db01);
        await world.AddFreezeAsync("Payroll run", At(10, 0), At(10, 21), world.Payroll.Id);
        await world.RunAsync(world.ChangeManager, u => u.Windows.CreateAsync(new ChangeWindowDraft(ChangeWindowKind.Maintenance, "db01 nights", "", null, null,
            new WeeklyDraft(["tuesday"], "20:00", 240, "UTC"), null, [world.Db01.Id]), Ct));

        var conflicts = (await world.RunAsync(world.Agent, u => u.Calendar.ConflictsAsync(upgrade.Number, Ct))).Value!.Conflicts;
        var calendar = (await world.RunAsync(world.Agent, u => u.Calendar.CalendarAsync(At(1, 0), At(31, 0), Ct))).Value!;

        // 10 March 2026 is a Tuesday: the window runs 20:00–24:00, so the upgrade (to 01:00) runs past it.
        conflicts.Select(c => c.Kind).ShouldBe([ConflictKind.Overlap, ConflictKind.OutsideMaintenance]);
        conflicts[0].OtherChange.ShouldBe(patch.Number);
        calendar.Changes.Select(c => c.Number).ShouldBe([patch.Number, upgrade.Number]);
        calendar.Changes[0].Conflicts.Select(c => c.Kind).ShouldBe([ConflictKind.Overlap, ConflictKind.Freeze]);
        calendar.Freezes.ShouldHaveSingleItem().Targets.ShouldBe(["Payroll"]);
        calendar.Maintenance.Select(m => m.Start.Day).ShouldBe([3, 10, 17, 24]);
        (await world.RunAsync(world.Requester, u => u.Calendar.ConflictsAsync(upgrade.Number, Ct))).Error!.Code.ShouldBe("not_found");
        (await world.RunAsync(world.Agent, u => u.Calendar.CalendarAsync(At(1, 0), At(1, 0).AddDays(90), Ct))).Error!.Fields!.Keys.ShouldBe(["to"]);
    }

    [Theory, DatabaseData]
    public async Task Calendar_ChangesThatRan_AreShownWithoutConflictsAndCauseNone(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await CreateAsync(database);
        var ran = await world.AddChangeAsync("Patch db01", At(10, 20), At(10, 23), WorkState.Closed, world.Db01);
        var next = await world.AddChangeAsync("Upgrade db01", At(10, 22), At(11, 1), WorkState.Scheduled, world.Db01);
        await world.AddChangeAsync("Dropped upgrade", At(10, 20), At(10, 23), WorkState.Cancelled, world.Db01);
        await world.AddFreezeAsync("Payroll run", At(10, 0), At(10, 21), world.Payroll.Id);

        var calendar = (await world.RunAsync(world.Agent, u => u.Calendar.CalendarAsync(At(1, 0), At(31, 0), Ct))).Value!;

        calendar.Changes.Select(c => (c.Number, c.State, c.Conflicts.Count)).ShouldBe([(ran.Number, WorkState.Closed, 0), (next.Number, WorkState.Scheduled, 0)]);
        (await world.RunAsync(world.Agent, u => u.Calendar.ConflictsAsync(ran.Number, Ct))).Value!.Plannable.ShouldBeFalse();
    }

    [Theory, DatabaseData]
    public async Task Schedule_IntoAFreezeWithoutJustification_IsRefusedNamingTheWindowAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await CreateAsync(database);
        var change = await world.AddChangeAsync("Patch db01", At(10, 20), At(10, 22), WorkState.Scheduled, world.Db01);
        await world.AddFreezeAsync("Quarter close", At(12, 0), At(14, 0));

        var refused = await world.RunAsync(world.ChangeManager, u => u.Schedule.ScheduleAsync(change.Number, new ScheduleRequest(At(12, 20), At(12, 22), "  "), null, Ct));

        refused.Error!.Code.ShouldBe("freeze_window");
        refused.Error.Kind.ShouldBe(Keel.Domain.Platform.ErrorKind.Conflict);
        refused.Error.Message.ShouldContain("'Quarter close'");
        await using var db = database.NewDbContext();
        (await db.Set<ChangeRecord>().SingleAsync(c => c.WorkItemId == change.Id, Ct)).PlannedStart.ShouldBe(At(10, 20));
    }

    [Theory, DatabaseData]
    public async Task Schedule_IntoAFreezeWithJustification_StoresItAndWritesTheHistory(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await CreateAsync(database);
        var change = await world.AddChangeAsync("Patch db01", At(10, 20), At(10, 22), WorkState.Scheduled, world.Db01);
        await world.AddFreezeAsync("Quarter close", At(12, 0), At(14, 0));

        var scheduled = await world.RunAsync(world.ChangeManager, u => u.Schedule.ScheduleAsync(change.Number,
            new ScheduleRequest(At(12, 20), At(12, 22), "Security fix, CISO approved"), change.Version, Ct));
        var moved = await world.RunAsync(world.ChangeManager, u => u.Schedule.ScheduleAsync(change.Number,
            new ScheduleRequest(At(16, 20), At(16, 22), null), null, Ct));

        scheduled.Value!.FreezeOverride.ShouldBe("Security fix, CISO approved");
        scheduled.Value.Conflicts.ShouldHaveSingleItem().Kind.ShouldBe(ConflictKind.Freeze);
        moved.Value!.FreezeOverride.ShouldBeNull();
        moved.Value.Conflicts.ShouldBeEmpty();
        await using var db = database.NewDbContext();
        var history = await db.Set<WorkEvent>().Where(e => e.WorkItemId == change.Id).OrderBy(e => e.Id).ToListAsync(Ct);
        history.Where(e => e.Field == "freezeOverride").Select(e => e.To).ShouldBe(["Security fix, CISO approved", null]);
        history.ShouldContain(e => e.Field == "plannedStart" && e.ActorId == world.ChangeManager.UserId);
    }

    [Theory, DatabaseData]
    public async Task Schedule_AsAgentOrWithStaleVersionOrEndBeforeStart_IsRefused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await CreateAsync(database);
        var change = await world.AddChangeAsync("Patch db01", At(10, 20), At(10, 22), WorkState.Scheduled, world.Db01);

        (await world.RunAsync(world.Agent, u => u.Schedule.ScheduleAsync(change.Number, new ScheduleRequest(At(11, 20), At(11, 22), null), null, Ct)))
            .Error!.Code.ShouldBe("forbidden");
        (await world.RunAsync(world.ChangeManager, u => u.Schedule.ScheduleAsync(change.Number, new ScheduleRequest(At(11, 20), At(11, 22), null), change.Version + 5, Ct)))
            .Error!.Code.ShouldBe("concurrency_conflict");
        (await world.RunAsync(world.ChangeManager, u => u.Schedule.ScheduleAsync(change.Number, new ScheduleRequest(At(11, 22), At(11, 20), null), null, Ct)))
            .Error!.Fields!.Keys.ShouldBe(["plannedEnd"]);
    }
}
