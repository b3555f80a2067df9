using Keel.Application.Changes;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Changes;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Changes;

public sealed class ChangeTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Update_PlansLongerThanAHistoryLine_AreSavedWholeOnBothProviders(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal());
        var plan = string.Join('\n', Enumerable.Range(1, 120).Select(i => $"{i}. Run step {i} of the runbook."));

        var saved = await world.RunAsync(world.ChangeManager, u => u.Changes.UpdateAsync(change.Item.Number, change.Version, new ChangePatch(ImplementationPlan: plan), Ct));

        saved.Error.ShouldBeNull();
        (await world.GetAsync(change.Item.Number)).ImplementationPlan.ShouldBe(plan);
    }

    [Theory, DatabaseData]
    public async Task Create_StandardWithoutTemplate_RefusedAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);

        var result = await world.RunAsync(world.Work.Agent, u => u.Changes.CreateAsync(world.Normal(type: ChangeType.Standard), Ct));

        result.Error!.Fields!.Keys.ShouldBe(["templateId"]);
        await using var db = database.NewDbContext();
        (await db.Set<WorkItem>().CountAsync(w => w.Kind == WorkKind.Change, Ct)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Create_StandardFromTemplate_CopiesThePlansAndIsScheduledWithoutApproval(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var start = database.Time.GetUtcNow().UtcDateTime.AddDays(1);
        var draft = new ChangeDraft(null, null, null, ChangeType.Standard, world.Template.Id, "Expires next week.", null, null, null, start, start.AddHours(1));

        var change = await world.RaiseAsync(draft);

        (change.Item.Number, change.Item.Title, change.Item.State).ShouldBe(("CHG0000001", "Rotate a TLS certificate", WorkState.Draft));
        (change.ImplementationPlan, change.BackoutPlan, change.Template!.Name).ShouldBe(("Install the new certificate and reload.", "Reinstall the old certificate.", "Rotate a TLS certificate"));
        change.Item.AllowedTransitions.ShouldBe([WorkState.Scheduled, WorkState.Cancelled]);
        (await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess)).Error!.Code.ShouldBe("illegal_transition");
        (await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Scheduled)).Value!.State.ShouldBe(WorkState.Scheduled);
        (await world.GetAsync(change.Item.Number)).Approvals.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Create_WithACi_AddsTheServicesItImpactsAndTheirCriticalityCounts(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var answers = new Dictionary<string, string>(ChangeWorld.SafeAnswers) { ["backoutTested"] = "no" };

        var withoutCi = await world.RaiseAsync(world.Normal(answers: answers));
        var withCi = await world.RaiseAsync(world.Normal(cis: [world.PaymentsDb.Id], answers: answers));

        withoutCi.Risk.ShouldBe(RiskLevel.Low);
        withCi.ConfigurationItems.Select(c => (c.Name, c.FromImpact)).ShouldBe([("payments-db", false)]);
        withCi.Services.Select(s => (s.Name, s.FromImpact)).ShouldBe([("Intranet", false), ("Payments", true)]);
        withCi.Risk.ShouldBe(RiskLevel.Medium);
        withCi.RiskExplanation.Single(l => l.Input == "criticality").Points.ShouldBe(4);
    }

    [Theory, DatabaseData]
    public async Task Assess_TeamWithManyFailedChanges_RiskRises(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        await using (var db = database.NewDbContext())
        {
            var now = database.Time.GetUtcNow().UtcDateTime;
            for (var i = 0; i < 6; i++)
            {
                var past = new WorkItem { Kind = WorkKind.Change, Number = $"CHG90000{i}", Title = "Past", ServiceId = world.Intranet.Id, RequesterId = world.Work.Agent.UserId!.Value, TeamId = world.Work.Field.Id };
                past.Open(null, now.AddDays(-30));
                past.State = WorkState.Closed;
                past.ClosedAt = now.AddDays(-20);
                db.AddRange(past, new ChangeRecord { WorkItemId = past.Id, ReviewOutcome = i < 2 ? ReviewOutcome.Failed : ReviewOutcome.Successful });
            }
            await db.SaveChangesAsync(Ct);
        }
        var answers = new Dictionary<string, string>(ChangeWorld.SafeAnswers) { ["backoutTested"] = "no" };
        var change = await world.RaiseAsync(world.Normal(answers: answers) with { Team = world.Work.Desk.Id });
        change.Risk.ShouldBe(RiskLevel.Low);

        var moved = await world.RunAsync(world.ChangeManager, u => u.Changes.UpdateAsync(change.Item.Number, change.Version, new ChangePatch(Team: world.Work.Field.Id), Ct));

        moved.Value!.Risk.ShouldBe(RiskLevel.Medium);
        moved.Value.RiskExplanation.Single(l => l.Input == "teamFailureRate").Text.ShouldContain("2 of 6");
    }

    [Theory, DatabaseData]
    public async Task Update_StaleVersion_ConcurrencyConflictAndNothingWritten(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal());
        (await world.RunAsync(world.ChangeManager, u => u.Changes.UpdateAsync(change.Item.Number, change.Version, new ChangePatch(TestPlan: "Run the full suite."), Ct))).IsSuccess.ShouldBeTrue();

        var stale = await world.RunAsync(world.ChangeManager, u => u.Changes.UpdateAsync(change.Item.Number, change.Version, new ChangePatch(TestPlan: "Nothing."), Ct));

        stale.Error!.Code.ShouldBe("concurrency_conflict");
        (await world.GetAsync(change.Item.Number)).TestPlan.ShouldBe("Run the full suite.");
    }

    [Theory, DatabaseData]
    public async Task Authorize_LowRisk_TheFirstChangeManagerSettlesItAndTheOtherApprovalIsWithdrawn(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal());
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);

        (await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize)).Value!.State.ShouldBe(WorkState.Authorize);
        var asked = (await world.GetAsync(change.Item.Number)).Approvals;
        asked.Select(a => a.Approver.Name).Order().ShouldBe(["changemgr", "changemgr2"]);

        (await world.DecideAsync(world.ChangeManager2, asked.Single(a => a.Approver.Name == "changemgr2").Id, approve: true)).IsSuccess.ShouldBeTrue();

        var authorized = await world.GetAsync(change.Item.Number);
        (authorized.Item.State, authorized.Authority).ShouldBe((WorkState.Scheduled, ChangeAuthority.ChangeManager));
        authorized.Approvals.Select(a => (a.Approver.Name, a.State)).OrderBy(a => a.Name).ShouldBe([("changemgr", ApprovalState.Withdrawn), ("changemgr2", ApprovalState.Approved)]);
    }

    [Theory, DatabaseData]
    public async Task Authorize_HighRisk_TheCabAuthorizesWhenApprovalsReachTheMajority(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal(answers: new Dictionary<string, string>()));
        change.Risk.ShouldBe(RiskLevel.High);
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);
        await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize);
        var asked = (await world.GetAsync(change.Item.Number)).Approvals;
        asked.Select(a => a.Approver.Name).Order().ShouldBe(["cab1", "cab2", "cab3"]);

        await world.DecideAsync(world.Cab[0], asked.Single(a => a.Approver.Name == "cab1").Id, approve: true);
        (await world.GetAsync(change.Item.Number)).Item.State.ShouldBe(WorkState.Authorize);
        await world.DecideAsync(world.Cab[1], asked.Single(a => a.Approver.Name == "cab2").Id, approve: false);
        (await world.GetAsync(change.Item.Number)).Item.State.ShouldBe(WorkState.Authorize);
        await world.DecideAsync(world.Cab[2], asked.Single(a => a.Approver.Name == "cab3").Id, approve: true);

        var authorized = await world.GetAsync(change.Item.Number);
        (authorized.Item.State, authorized.Authority, authorized.Quorum).ShouldBe((WorkState.Scheduled, ChangeAuthority.Cab, 2));
    }

    [Theory, DatabaseData]
    public async Task Authorize_HighRisk_RejectedOnceTheQuorumCannotBeReachedAndBackToDraftWithTheReason(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal(answers: new Dictionary<string, string>()));
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);
        await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize);
        var asked = (await world.GetAsync(change.Item.Number)).Approvals;

        await world.DecideAsync(world.Cab[0], asked.Single(a => a.Approver.Name == "cab1").Id, approve: false, "No rollback rehearsal.");
        (await world.GetAsync(change.Item.Number)).Item.State.ShouldBe(WorkState.Authorize);
        await world.DecideAsync(world.Cab[1], asked.Single(a => a.Approver.Name == "cab2").Id, approve: false, "Month-end close.");

        var rejected = await world.GetAsync(change.Item.Number);
        rejected.Item.State.ShouldBe(WorkState.Draft);
        rejected.Approvals.Single(a => a.Approver.Name == "cab3").State.ShouldBe(ApprovalState.Withdrawn);
        await using var db = database.NewDbContext();
        var line = await db.Set<WorkEvent>().Where(e => e.WorkItemId == rejected.Item.Id && e.Type == WorkEventType.StateChanged).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(Ct);
        line.Last().Detail.ShouldBe("Rejected by the change advisory board: Month-end close.");
    }

    [Theory, DatabaseData]
    public async Task Decide_OwnChange_RefusedAndTheRequesterIsNeverAsked(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal(), by: world.ChangeManager);
        await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Assess);
        await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize);
        var asked = (await world.GetAsync(change.Item.Number)).Approvals;
        asked.ShouldHaveSingleItem().Approver.Name.ShouldBe("changemgr2");

        var own = await world.DecideAsync(world.ChangeManager, asked[0].Id, approve: true);

        own.Error!.Code.ShouldBe("own_change");
        (await world.GetAsync(change.Item.Number)).Item.State.ShouldBe(WorkState.Authorize);
    }

    [Theory, DatabaseData]
    public async Task Authorize_Emergency_ChangeManagersAndCabTogetherTwoApprovalsAuthorize(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal(type: ChangeType.Emergency));
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);
        await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize);
        var asked = (await world.GetAsync(change.Item.Number)).Approvals;
        asked.Count.ShouldBe(5);

        await world.DecideAsync(world.Cab[2], asked.Single(a => a.Approver.Name == "cab3").Id, approve: true);
        await world.DecideAsync(world.ChangeManager2, asked.Single(a => a.Approver.Name == "changemgr2").Id, approve: true);

        var authorized = await world.GetAsync(change.Item.Number);
        (authorized.Item.State, authorized.Authority, authorized.Quorum).ShouldBe((WorkState.Scheduled, ChangeAuthority.EmergencyCab, 2));
    }

    [Theory, DatabaseData]
    public async Task Authorize_WithoutAPlannedWindow_FieldErrors(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal() with { PlannedStart = null, PlannedEnd = null });
        await world.MoveAsync(world.Work.Agent, change.Item.Number, WorkState.Assess);

        var refused = await world.MoveAsync(world.ChangeManager, change.Item.Number, WorkState.Authorize);

        refused.Error!.Fields!.Keys.Order().ShouldBe(["plannedEnd", "plannedStart"]);
        (await world.GetAsync(change.Item.Number)).Approvals.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Review_FailedChangeWithACausedIncident_NeedsANoteThenCountsInTheStats(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);
        var change = await world.RaiseAsync(world.Normal());
        var number = change.Item.Number;
        await world.MoveAsync(world.Work.Agent, number, WorkState.Assess);
        await world.MoveAsync(world.Work.Agent, number, WorkState.Authorize);
        var approval = (await world.GetAsync(number)).Approvals.First();
        await world.DecideAsync(approval.Approver.Name == "changemgr" ? world.ChangeManager : world.ChangeManager2, approval.Id, approve: true);
        (await world.MoveAsync(world.Work.Agent, number, WorkState.Implement)).IsSuccess.ShouldBeTrue();
        database.Time.Advance(TimeSpan.FromHours(1));
        (await world.MoveAsync(world.Work.Agent, number, WorkState.Review)).IsSuccess.ShouldBeTrue();
        var incident = (await world.Work.RaiseAsync(world.Work.Agent, "Intranet down after the upgrade")).Value!;
        (await world.RunAsync(world.Work.Agent, u => u.Links.AddAsync(WorkKind.Incident, incident.Number, new LinkDraft(WorkLinkType.CausedBy, number), Ct))).IsSuccess.ShouldBeTrue();

        (await world.MoveAsync(world.Work.Agent, number, WorkState.Closed)).Error!.Fields!.Keys.ShouldBe(["reviewOutcome"]);
        var reviewing = await world.GetAsync(number);
        var failed = await world.RunAsync(world.Work.Agent, u => u.Changes.UpdateAsync(number, reviewing.Version, new ChangePatch(ReviewOutcome: ReviewOutcome.Failed), Ct));
        (await world.MoveAsync(world.Work.Agent, number, WorkState.Closed)).Error!.Fields!.Keys.ShouldBe(["reviewNote"]);
        await world.RunAsync(world.Work.Agent, u => u.Changes.UpdateAsync(number, failed.Value!.Version, new ChangePatch(ReviewNote: "The upgrade broke single sign-on."), Ct));
        (await world.MoveAsync(world.Work.Agent, number, WorkState.Closed)).Value!.State.ShouldBe(WorkState.Closed);

        var closed = await world.GetAsync(number);
        (closed.ActualEnd! - closed.ActualStart!).Value.ShouldBe(TimeSpan.FromHours(1));
        closed.CausedIncidents.ShouldHaveSingleItem().Number.ShouldBe(incident.Number);
        var today = database.Time.GetUtcNow().UtcDateTime.Date;
        var stats = (await world.RunAsync(world.ChangeManager, u => u.Stats.GetAsync(today, today.AddDays(1), ChangeStatsGroup.Service, Ct))).Value!;
        (stats.Total.Closed, stats.Total.Successful, stats.Total.SuccessRate).ShouldBe((1, 0, 0.0));
        stats.Groups.ShouldHaveSingleItem().Group!.Name.ShouldBe("Intranet");
    }

    [Theory, DatabaseData]
    public async Task Create_ByARequester_Forbidden(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ChangeWorld.CreateAsync(database);

        var result = await world.RunAsync(world.Work.Requester, u => u.Changes.CreateAsync(world.Normal(), Ct));

        result.Error!.Code.ShouldBe("forbidden");
    }
}
