using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Work;

public sealed class IncidentTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Create_ByRequester_NumberedPrioritisedAndRoutedToTheDesk(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);

        var first = (await world.RaiseAsync(world.Requester, impact: 1, urgency: 2)).Value!;
        var second = (await world.RaiseAsync(world.Requester2, impact: 3, urgency: 3)).Value!;

        (first.Number, first.State, first.Priority).ShouldBe(("INC0000001", WorkState.New, 2));
        (second.Number, second.Priority).ShouldBe(("INC0000002", 4));
        first.Team!.Id.ShouldBe(world.Desk.Id);
        first.Requester.Name.ShouldBe("requester");
        first.AllowedTransitions.ShouldBe([WorkState.Cancelled]);
    }

    [Theory, DatabaseData]
    public async Task Create_MissingTitleAndBadImpact_FieldErrorsAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);

        var result = await world.RunAsync(world.Agent, u => u.Incidents.CreateAsync(new IncidentDraft(" ", null, world.Service.Id, null, null, 4, 1, null), Ct));

        result.Error!.Fields!.Keys.Order().ShouldBe(["impact", "title"]);
        await using var db = database.NewDbContext();
        (await db.Set<WorkItem>().CountAsync(Ct)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Create_RequesterForSomeoneElse_Refused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);

        var result = await world.RunAsync(world.Requester, u => u.Incidents.CreateAsync(new IncidentDraft("x", null, world.Service.Id, null, "requester2", 3, 3, null), Ct));

        result.Error!.Fields!["requester"].ShouldBe(["must be yourself."]);
    }

    [Theory, DatabaseData]
    public async Task Transition_IllegalMove_NamesAllowedAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var raised = (await world.RaiseAsync(world.Requester)).Value!;

        var result = await world.MoveAsync(world.Agent, raised.Number, new TransitionRequest(WorkState.Closed));

        result.Error!.Code.ShouldBe("illegal_transition");
        result.Error.Allowed.ShouldBe(["InProgress", "OnHold", "Resolved", "Cancelled"]);
        var stored = (await world.RunAsync(world.Agent, u => u.Work.GetAsync(WorkKind.Incident, raised.Number, Ct))).Value!;
        (stored.State, stored.Version).ShouldBe((WorkState.New, raised.Version));
    }

    [Theory, DatabaseData]
    public async Task Flow_HoldForCallerThenCallerReplies_BackInProgressThenResolvedAndReopened(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await world.RaiseAsync(world.Requester)).Value!.Number;

        (await world.MoveAsync(world.Agent, number, new TransitionRequest(WorkState.InProgress))).Value!.FirstRespondedAt.ShouldNotBeNull();
        (await world.MoveAsync(world.Agent, number, new TransitionRequest(WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller))).Value!.HoldReason
            .ShouldBe(HoldReason.AwaitingCaller);
        database.Time.Advance(TimeSpan.FromHours(2));
        (await world.RunAsync(world.Requester, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("It happens on the laptop only.", null), Ct)))
            .IsSuccess.ShouldBeTrue();
        (await world.RunAsync(world.Agent, u => u.Work.GetAsync(WorkKind.Incident, number, Ct))).Value!.State.ShouldBe(WorkState.InProgress);

        var resolved = (await world.MoveAsync(world.Agent, number, new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Reset the profile."))).Value!;
        resolved.ResolvedAt.ShouldBe(database.Time.GetUtcNow().UtcDateTime);
        database.Time.Advance(TimeSpan.FromDays(2));
        var reopened = (await world.MoveAsync(world.Requester, number, new TransitionRequest(WorkState.InProgress))).Value!;
        (reopened.State, reopened.ReopenCount).ShouldBe((WorkState.InProgress, 1));

        var history = (await world.RunAsync(world.Agent, u => u.Conversation.HistoryAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Value!;
        history.Items.Where(h => h.Type == WorkEventType.StateChanged).Select(h => h.To)
            .ShouldBe(["InProgress", "OnHold", "InProgress", "Resolved", "InProgress"]);
    }

    [Theory, DatabaseData]
    public async Task Visibility_OtherRequester_NotFoundAndNoInternalNotesForTheOwnRequester(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await world.RaiseAsync(world.Requester)).Value!.Number;
        await world.RunAsync(world.Agent, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("Caller is a VIP; be quick.", true), Ct));
        await world.RunAsync(world.Agent, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("Looking into it.", false), Ct));
        await world.RunAsync(world.Agent, u => u.Conversation.AddWorkLogAsync(WorkKind.Incident, number, new WorkLogDraft(20, null, "Remote session"), Ct));

        (await world.RunAsync(world.Requester2, u => u.Work.GetAsync(WorkKind.Incident, number, Ct))).Error!.Code.ShouldBe("not_found");
        (await world.RunAsync(world.Requester2, u => u.Conversation.CommentsAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Error!.Code.ShouldBe("not_found");
        (await world.RunAsync(world.Requester2, u => u.Work.ListAsync(WorkKind.Incident, new WorkFilter(), new PageRequest(), Ct))).Value!.Items.ShouldBeEmpty();

        var comments = (await world.RunAsync(world.Requester, u => u.Conversation.CommentsAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Value!;
        comments.Items.Select(c => c.Body).ShouldBe(["Looking into it."]);
        var history = (await world.RunAsync(world.Requester, u => u.Conversation.HistoryAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Value!;
        history.Items.Count(h => h.Type == WorkEventType.Commented).ShouldBe(1);
        history.Items.ShouldNotContain(h => h.Type == WorkEventType.WorkLogged || h.Field == "team");
        (await world.RunAsync(world.Requester, u => u.Conversation.WorkLogsAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Error!.Code.ShouldBe("forbidden");
        (await world.RunAsync(world.Requester, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("sneaky", true), Ct))).Error!.Code
            .ShouldBe("validation_failed");
    }

    [Theory, DatabaseData]
    public async Task Update_StaleVersion_ConcurrencyConflictAndNothingWritten(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var raised = (await world.RaiseAsync(world.Requester)).Value!;
        var first = await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, raised.Number, raised.Version,
            new WorkPatch(Impact: new(true, 1), Urgency: new(true, 1)), Ct));
        first.Value!.Priority.ShouldBe(1);

        var stale = await world.RunAsync(world.Agent2, u => u.Work.UpdateAsync(WorkKind.Incident, raised.Number, raised.Version,
            new WorkPatch(Title: new(true, "Overwritten")), Ct));

        stale.Error!.Code.ShouldBe("concurrency_conflict");
        (await world.RunAsync(world.Agent, u => u.Work.GetAsync(WorkKind.Incident, raised.Number, Ct))).Value!.Title.ShouldBe(raised.Title);
        (await world.RunAsync(world.Requester, u => u.Work.UpdateAsync(WorkKind.Incident, raised.Number, first.Value.Version,
            new WorkPatch(Title: new(true, "Mine")), Ct))).Error!.Code.ShouldBe("forbidden");
    }

    [Theory, DatabaseData]
    public async Task Assign_ToAnotherTeam_CountsReassignmentAndRefusesNonMember(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var raised = (await world.RaiseAsync(world.Requester)).Value!;

        var notMember = await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, raised.Number, raised.Version,
            new WorkPatch(Team: new(true, world.Field.Id), Assignee: new(true, world.Agent.UserId)), Ct));
        var moved = await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, raised.Number, raised.Version,
            new WorkPatch(Team: new(true, world.Field.Id), Assignee: new(true, world.Agent2.UserId)), Ct));

        notMember.Error!.Fields!["assignee"].ShouldBe(["is not a member of the assigned team."]);
        (moved.Value!.Team!.Id, moved.Value.Assignee!.Name, moved.Value.ReassignmentCount).ShouldBe((world.Field.Id, "agent2", 1));
    }

    [Theory, DatabaseData]
    public async Task Resolve_Parent_ResolvesItsOpenChildren(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var parent = (await world.RaiseAsync(world.Agent, "Mail is down for everyone")).Value!;
        var child = (await world.RunAsync(world.Agent, u => u.Incidents.CreateAsync(
            new IncidentDraft("No mail", null, world.Service.Id, null, "requester", 3, 2, null, parent.Number), Ct))).Value!;
        child.Parent!.Number.ShouldBe(parent.Number);

        await world.MoveAsync(world.Agent, parent.Number, new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Restarted the mail relay."));

        var stored = (await world.RunAsync(world.Requester, u => u.Work.GetAsync(WorkKind.Incident, child.Number, Ct))).Value!;
        stored.State.ShouldBe(WorkState.Resolved);
        stored.ResolutionNote.ShouldBe($"Resolved with its parent {parent.Number}: Restarted the mail relay.");
    }

    [Theory, DatabaseData]
    public async Task OpenWork_RetiringTheServiceNeedsConfirmationAndTheCiCannotBeDeleted(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var ci = (await world.RunAsync(world.Owner, u => u.Cis.CreateAsync(new Keel.Application.Services.CiDraft("LAPTOP-042", "EndUserDevice", null, null, null, null), Ct)));
        await world.RunAsync(world.Agent, u => u.Incidents.CreateAsync(new IncidentDraft("Screen flickers", null, world.Service.Id, ci.Value!.Id, "requester", 3, 3, null), Ct));

        var retire = await world.RunAsync(world.Owner, u => u.Portfolio.TransitionAsync(world.Service.Id, world.Service.Version,
            new Keel.Application.Services.ServiceTransition(Keel.Domain.Services.ServiceLifecycle.Retired, false), Ct));
        var delete = await world.RunAsync(world.Owner, u => u.Cis.DeleteAsync(ci.Value!.Id, Ct));

        retire.Error!.Code.ShouldBe("confirmation_required");
        retire.Error.Message.ShouldContain("1 open work item");
        delete.Error!.Code.ShouldBe("conflict");
        delete.Error.Message.ShouldContain("1 open work item");
    }
}
