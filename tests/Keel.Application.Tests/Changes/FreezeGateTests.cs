using Keel.Application.Changes;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Changes;

/// <summary>
/// The freeze gate on the workflow: a change whose planned times fall in a freeze window reaches Authorize or Scheduled
/// only with a justification (the move's reason), which is kept on the change and in its history.
/// </summary>
public sealed class FreezeGateTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Authorize_InsideAFreezeWithoutJustification_IsRefusedNamingTheWindowAndStaysInAssess(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal());
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);
        await FreezeAroundAsync(world, change, "Quarter close");

        var refused = await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize, reason: "  ");

        refused.Error!.Code.ShouldBe("freeze_window");
        refused.Error.Kind.ShouldBe(ErrorKind.Conflict);
        refused.Error.Message.ShouldContain("'Quarter close'");
        var stored = await world.GetAsync(change.Item.Number);
        stored.Item.State.ShouldBe(WorkState.Assess);
        stored.Approvals.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Authorize_InsideAFreezeWithJustification_KeepsItOnTheChangeAndInTheHistory(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal());
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);
        await FreezeAroundAsync(world, change, "Quarter close");

        var moved = await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize, reason: "Security fix, the CISO accepts the risk.");

        moved.Value!.State.ShouldBe(WorkState.Authorize);
        await using var db = database.NewDbContext();
        (await db.Set<ChangeRecord>().SingleAsync(c => c.WorkItemId == change.Item.Id, Ct)).FreezeOverride.ShouldBe("Security fix, the CISO accepts the risk.");
        var line = await db.Set<WorkEvent>().SingleAsync(e => e.WorkItemId == change.Item.Id && e.Field == "freezeOverride", Ct);
        (line.To, line.ActorId).ShouldBe(("Security fix, the CISO accepts the risk.", world.ChangeManager.UserId));
    }

    [Theory, DatabaseData]
    public async Task Authorize_OutsideAnyFreeze_NeedsNoJustificationAndRecordsNone(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal());
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);
        var now = database.Time.GetUtcNow().UtcDateTime;
        await AddFreezeAsync(world, "Last month", now.AddDays(-40), now.AddDays(-30));

        (await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize, reason: "Routine.")).Value!.State.ShouldBe(WorkState.Authorize);

        await using var db = database.NewDbContext();
        (await db.Set<ChangeRecord>().SingleAsync(c => c.WorkItemId == change.Item.Id, Ct)).FreezeOverride.ShouldBeNull();
    }

    [Theory, DatabaseData]
    public async Task ScheduleStandard_InsideAFreeze_NeedsAJustification(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var start = database.Time.GetUtcNow().UtcDateTime.AddDays(3);
        var change = await world.RaiseAsync(new ChangeDraft(null, null, null, ChangeType.Standard, world.Template.Id, "Expires next week.", null, null, null, start, start.AddHours(1)));
        await FreezeAroundAsync(world, change, "Release freeze");

        (await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Scheduled)).Error!.Code.ShouldBe("freeze_window");
        (await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Scheduled, reason: "The certificate expires inside the freeze."))
            .Value!.State.ShouldBe(WorkState.Scheduled);
    }

    [Theory, DatabaseData]
    public async Task Approval_OfAChangeAFreezeWasAddedOverLater_StillSchedulesIt(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal());
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);
        await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize);
        await FreezeAroundAsync(world, change, "Board visit");
        var asked = (await world.GetAsync(change.Item.Number)).Approvals;

        (await world.DecideAsync(world.ChangeManager2, asked.Single(a => a.Approver.Name == "changemgr2").Id, approve: true)).IsSuccess.ShouldBeTrue();

        // The authority decided knowingly; the calendar shows the freeze conflict for the change manager to act on.
        (await world.GetAsync(change.Item.Number)).Item.State.ShouldBe(WorkState.Scheduled);
    }

    private static Task FreezeAroundAsync(ChangeWorld world, ChangeView change, string name) =>
        AddFreezeAsync(world, name, change.PlannedStart!.Value.AddHours(-1), change.PlannedEnd!.Value.AddHours(1));

    private static async Task AddFreezeAsync(ChangeWorld world, string name, DateTime start, DateTime end)
    {
        await using var db = world.Database.NewDbContext(world.ChangeManager);
        var created = await new ChangeWindowService(db, world.ChangeManager)
            .CreateAsync(new ChangeWindowDraft(ChangeWindowKind.Freeze, name, "Quiet period.", start, end, null, null, null), Ct);
        created.Error.ShouldBeNull();
    }
}
