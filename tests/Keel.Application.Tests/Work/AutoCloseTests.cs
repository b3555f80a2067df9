using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Work;

public sealed class AutoCloseTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task CloseDue_ResolvedLongerThanTheSetting_ClosedByKeelOthersUntouched(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var resolve = new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedRemotely, ResolutionNote: "Fixed.");
        var old = (await world.RaiseAsync(world.Requester, "Old")).Value!.Number;
        var recent = (await world.RaiseAsync(world.Requester, "Recent")).Value!.Number;
        var open = (await world.RaiseAsync(world.Requester, "Still open")).Value!.Number;
        await world.MoveAsync(world.Agent, old, resolve);
        database.Time.Advance(TimeSpan.FromDays(2));
        await world.MoveAsync(world.Agent, recent, resolve);
        database.Time.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));

        int closed;
        await using (var db = database.NewDbContext(Keel.Application.Platform.SystemUser.Instance))
        {
            closed = await new AutoCloseHandler(db, database.Time).CloseDueAsync(Ct);
        }

        closed.ShouldBe(1);
        async Task<WorkItemView> Get(string number) => (await world.RunAsync(world.Agent, u => u.Work.GetAsync(WorkKind.Incident, number, Ct))).Value!;
        (await Get(old)).State.ShouldBe(WorkState.Closed);
        (await Get(recent)).State.ShouldBe(WorkState.Resolved);
        (await Get(open)).State.ShouldBe(WorkState.New);
        var history = (await world.RunAsync(world.Agent, u => u.Conversation.HistoryAsync(WorkKind.Incident, old, new(), Ct))).Value!;
        var line = history.Items.Last();
        (line.To, line.Actor, line.Detail).ShouldBe(("Closed", null, "Closed automatically 3 days after resolution."));
        (await world.MoveAsync(world.Requester, old, new TransitionRequest(WorkState.InProgress))).Error!.Code.ShouldBe("illegal_transition");
    }
}
