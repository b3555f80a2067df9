using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Work;

public sealed class RequestTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Answers(string json) => JsonDocument.Parse(json).RootElement;

    private static Task<Keel.Domain.Platform.Result<WorkItemView>> RequestLaptopAsync(WorkWorld world, string answers = """{ "reason": "Mine broke" }""") =>
        world.RunAsync(world.Requester, u => u.Requests.CreateAsync(new RequestDraft(world.Laptop.Id, Answers(answers), null), Ct));

    [Theory, DatabaseData]
    public async Task Create_AnswersMissingARequiredField_FieldErrorAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);

        var result = await RequestLaptopAsync(world, "{}");

        result.Error!.Fields!.Keys.ShouldBe(["answers.reason"]);
        await using var db = database.NewDbContext();
        (await db.Set<WorkItem>().CountAsync(Ct)).ShouldBe(0);
        (await db.Set<Approval>().CountAsync(Ct)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Create_NeedsManagerApproval_AwaitsTheManagerWithPendingTasks(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);

        var request = (await RequestLaptopAsync(world)).Value!;

        (request.Number, request.State).ShouldBe(("REQ0000001", WorkState.AwaitingApproval));
        request.Answers!.Value.GetProperty("reason").GetString().ShouldBe("Mine broke");
        var pending = (await world.RunAsync(world.Manager, u => u.Approvals.ListAsync(true, null, new PageRequest(), Ct))).Value!;
        pending.Items.ShouldHaveSingleItem().Item.Number.ShouldBe("REQ0000001");
        var tasks = (await world.RunAsync(world.Agent, u => u.Work.ListAsync(WorkKind.Task, new WorkFilter(Parent: request.Id), new PageRequest(), Ct))).Value!;
        tasks.Items.Select(t => (t.Number, t.State, t.TaskOrder)).ShouldBe([("TSK0000001", WorkState.Pending, (int?)1), ("TSK0000002", WorkState.Pending, 2)]);
        (await world.RunAsync(world.Requester, u => u.Work.ListAsync(WorkKind.Task, new WorkFilter(), new PageRequest(), Ct))).Value!.Items.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Approve_ThenTasksDoneInOrder_RequestFulfilled(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var request = (await RequestLaptopAsync(world)).Value!;
        var approval = (await world.RunAsync(world.Manager, u => u.Approvals.ListAsync(true, null, new PageRequest(), Ct))).Value!.Items[0];

        (await world.RunAsync(world.Requester, u => u.Approvals.DecideAsync(approval.Id, new ApprovalDecision(true, null), Ct))).Error!.Code.ShouldBe("not_found");
        (await world.RunAsync(world.Manager, u => u.Approvals.DecideAsync(approval.Id, new ApprovalDecision(true, "Go ahead"), Ct))).Value!.State
            .ShouldBe(ApprovalState.Approved);
        (await world.RunAsync(world.Manager, u => u.Approvals.DecideAsync(approval.Id, new ApprovalDecision(false, "Changed my mind"), Ct))).Error!.Code
            .ShouldBe("conflict");

        async Task<WorkState> StateOf(string number, WorkKind kind) => (await world.RunAsync(world.Agent, u => u.Work.GetAsync(kind, number, Ct))).Value!.State;
        (await StateOf(request.Number, WorkKind.Request)).ShouldBe(WorkState.InFulfilment);
        (await StateOf("TSK0000001", WorkKind.Task)).ShouldBe(WorkState.Open);
        (await StateOf("TSK0000002", WorkKind.Task)).ShouldBe(WorkState.Pending);

        (await world.MoveAsync(world.Agent2, "TSK0000001", new TransitionRequest(WorkState.Done), WorkKind.Task)).IsSuccess.ShouldBeTrue();
        (await StateOf("TSK0000002", WorkKind.Task)).ShouldBe(WorkState.Open);
        (await StateOf(request.Number, WorkKind.Request)).ShouldBe(WorkState.InFulfilment);
        (await world.MoveAsync(world.Agent, "TSK0000002", new TransitionRequest(WorkState.Done), WorkKind.Task)).IsSuccess.ShouldBeTrue();

        var fulfilled = (await world.RunAsync(world.Requester, u => u.Work.GetAsync(WorkKind.Request, request.Number, Ct))).Value!;
        fulfilled.State.ShouldBe(WorkState.Fulfilled);
        fulfilled.ResolvedAt.ShouldNotBeNull();
    }

    [Theory, DatabaseData]
    public async Task Reject_WithoutReasonRefused_WithReasonRejectsAndCancelsTasks(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var request = (await RequestLaptopAsync(world)).Value!;
        var approval = (await world.RunAsync(world.Manager, u => u.Approvals.ListAsync(true, null, new PageRequest(), Ct))).Value!.Items[0];

        (await world.RunAsync(world.Manager, u => u.Approvals.DecideAsync(approval.Id, new ApprovalDecision(false, " "), Ct))).Error!.Fields!.Keys.ShouldBe(["reason"]);
        (await world.RunAsync(world.Manager, u => u.Approvals.DecideAsync(approval.Id, new ApprovalDecision(false, "Not in this year's budget"), Ct))).IsSuccess.ShouldBeTrue();

        var rejected = (await world.RunAsync(world.Requester, u => u.Work.GetAsync(WorkKind.Request, request.Number, Ct))).Value!;
        rejected.State.ShouldBe(WorkState.Rejected);
        var tasks = (await world.RunAsync(world.Agent, u => u.Work.ListAsync(WorkKind.Task, new WorkFilter(Parent: request.Id), new PageRequest(), Ct))).Value!;
        tasks.Items.ShouldAllBe(t => t.State == WorkState.Cancelled);
    }

    [Theory, DatabaseData]
    public async Task Approver_SeesTheRequestButNotOthers(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var request = (await RequestLaptopAsync(world)).Value!;

        (await world.RunAsync(world.Manager, u => u.Work.GetAsync(WorkKind.Request, request.Number, Ct))).IsSuccess.ShouldBeTrue();
        (await world.RunAsync(world.Requester2, u => u.Work.GetAsync(WorkKind.Request, request.Number, Ct))).Error!.Code.ShouldBe("not_found");
    }

    [Theory, DatabaseData]
    public async Task Cancel_ByRequesterWhileAwaitingApproval_WithdrawsTheApproval(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var request = (await RequestLaptopAsync(world)).Value!;

        (await world.MoveAsync(world.Requester, request.Number, new TransitionRequest(WorkState.Cancelled, Reason: "Found a spare one"), WorkKind.Request))
            .Value!.State.ShouldBe(WorkState.Cancelled);

        (await world.RunAsync(world.Manager, u => u.Approvals.ListAsync(true, null, new PageRequest(), Ct))).Value!.Items.ShouldBeEmpty();
    }
}
