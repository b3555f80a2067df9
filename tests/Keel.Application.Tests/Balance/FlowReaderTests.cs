using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Work;
using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Balance;

public sealed class FlowReaderTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TestUser Leader = new("leader", null, Roles.ItLeader);

    private static readonly TransitionRequest Resolve = new(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Fixed.");

    [Theory, DatabaseData]
    public async Task Flow_IncidentsWorkedThroughTheDesk_LeadTouchThroughputAndWipFromTheirHistory(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var day = DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime);
        var stream = (await ValueStreamTests.RunAsync(database, Leader, s => s.CreateAsync(ValueStreamTests.Restore(serviceId: world.Service.Id), Ct))).Value!;

        // A: picked up after 1 h, worked 2 h, on hold 1 h, worked 1 h: lead 5 h, touch 3 h.
        var a = (await world.RaiseAsync(world.Agent, "VPN drops")).Value!.Number;
        database.Time.Advance(TimeSpan.FromHours(1));
        await world.MoveAsync(world.Agent, a, new TransitionRequest(WorkState.InProgress));
        // B: raised an hour after A, picked up after 1 h and never finished.
        var b = (await world.RaiseAsync(world.Agent, "Printer jams")).Value!.Number;
        database.Time.Advance(TimeSpan.FromHours(1));
        await world.MoveAsync(world.Agent, b, new TransitionRequest(WorkState.InProgress));
        database.Time.Advance(TimeSpan.FromHours(1));
        await world.MoveAsync(world.Agent, a, new TransitionRequest(WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller));
        database.Time.Advance(TimeSpan.FromHours(1));
        await world.MoveAsync(world.Agent, a, new TransitionRequest(WorkState.InProgress));
        database.Time.Advance(TimeSpan.FromHours(1));
        await world.MoveAsync(world.Agent, a, Resolve);

        var flow = (await ValueStreamTests.RunAsync(database, Leader, s => s.FlowAsync(stream.Id, day, day.AddDays(7), Ct))).Value!;
        var figures = flow.Figures;

        flow.ItemsRead.ShouldBe(2);
        figures.Finished.ShouldBe(1);
        figures.MedianLeadHours!.Value.ShouldBe(5, 1e-6);
        figures.MeanFlowEfficiency!.Value.ShouldBe(3 / 5.0, 1e-6);
        figures.ThroughputPerWeek.ShouldBe(1, 1e-9);
        figures.WorkInProgress.ShouldBe(1);
        figures.Steps.Select(s => s.MedianHours).ShouldBe([1.0, 4.0]);
    }

    [Theory, DatabaseData]
    public async Task Flow_OtherServiceOrKind_LeftOut(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var day = DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime);
        var elsewhere = (await ValueStreamTests.RunAsync(database, Leader, s => s.CreateAsync(
            ValueStreamTests.Restore(serviceId: null) with { Kind = "Change", Steps = [new("Assess", "DesignAndTransition", "Created", "Entered:Assess"), new("Ship", "DesignAndTransition", "Entered:Assess", "Entered:Closed")] }, Ct))).Value!;
        await world.RaiseAsync(world.Agent, "VPN drops");

        var flow = (await ValueStreamTests.RunAsync(database, Leader, s => s.FlowAsync(elsewhere.Id, day, day.AddDays(7), Ct))).Value!;
        var badPeriod = await ValueStreamTests.RunAsync(database, Leader, s => s.FlowAsync(elsewhere.Id, day, day, Ct));

        flow.ItemsRead.ShouldBe(0);
        flow.Figures.WorkInProgress.ShouldBe(0);
        badPeriod.Error!.Fields!.Keys.ShouldBe(["from"]);
    }
}
