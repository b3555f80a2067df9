using Keel.Application.Data;
using Keel.Application.ServiceLevels;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.ServiceLevels;

public sealed class ClockTrackingTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TransitionRequest Hold => new(WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller);

    [Theory, DatabaseData]
    public async Task Raise_MatchingPolicy_AttachesResponseAndResolutionClocksThatRunAndPause(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        var number = (await world.Work.RaiseAsync(world.Work.Requester)).Value!.Number;
        var start = database.Time.GetUtcNow().UtcDateTime;

        database.Time.Advance(TimeSpan.FromMinutes(30));
        await world.Work.MoveAsync(world.Work.Agent, number, new TransitionRequest(WorkState.InProgress));
        database.Time.Advance(TimeSpan.FromMinutes(30));
        await world.Work.MoveAsync(world.Work.Agent, number, Hold);
        database.Time.Advance(TimeSpan.FromHours(5));
        var clocks = (await world.ClocksAsync(world.Work.Agent, number)).Value!;

        var response = clocks.Single(c => c.Kind == "response");
        (response.State, response.ElapsedBusinessMinutes, response.StoppedAt).ShouldBe(("met", 30L, start.AddMinutes(30)));
        var resolution = clocks.Single(c => c.Kind == "resolution");
        (resolution.State, resolution.ElapsedBusinessMinutes, resolution.RemainingBusinessMinutes).ShouldBe(("paused", 60L, 180L));
        resolution.Pauses.ShouldHaveSingleItem().Reason.ShouldBe("AwaitingCaller");
        resolution.DueAt.ShouldBe(database.Time.GetUtcNow().UtcDateTime.AddMinutes(180));
        resolution.Policy.ShouldBe("Incidents");
    }

    [Theory, DatabaseData]
    public async Task Raise_NoPolicyMatches_HasNoClocks(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        var request = (await world.Work.RunAsync(world.Work.Requester, u => u.Requests.CreateAsync(
            new Keel.Application.Work.RequestDraft(world.Work.Laptop.Id, System.Text.Json.JsonDocument.Parse("""{"reason":"Mine broke"}""").RootElement, null), Ct))).Value!;

        request.Sla.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Tick_PastWarningThenPastTarget_WarnsTheAssigneeOnceThenTellsTheTeamLeadOfTheBreach(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        await using (var db = database.NewDbContext())
        {
            var desk = await db.Set<Team>().SingleAsync(t => t.Id == world.Work.Desk.Id, Ct);
            desk.LeadId = world.Work.Agent2.UserId;
            await db.SaveChangesAsync(Ct);
        }
        var raised = (await world.Work.RaiseAsync(world.Work.Requester)).Value!;
        var number = raised.Number;
        (await world.Work.RunAsync(world.Work.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, number, raised.Version,
            new Keel.Application.Work.WorkPatch(Team: world.Work.Desk.Id, Assignee: world.Work.Agent.UserId), Ct))).IsSuccess.ShouldBeTrue();

        database.Time.Advance(TimeSpan.FromMinutes(181)); // resolution: 75 % of 4 h passed (response long breached)
        await world.TickAsync();
        await world.TickAsync();
        database.Time.Advance(TimeSpan.FromMinutes(60));
        await world.TickAsync();

        await using var check = database.NewDbContext();
        var sent = await check.Set<Notification>().Where(n => n.Event == NotificationEvent.SlaWarning || n.Event == NotificationEvent.SlaBreached)
            .OrderBy(n => n.Id).Select(n => new { n.Event, n.RecipientId, n.Body }).ToListAsync(Ct);
        sent.Count(n => n.Event == NotificationEvent.SlaWarning && n.RecipientId == world.Work.Agent.UserId).ShouldBe(1);
        sent.Where(n => n.Event == NotificationEvent.SlaBreached).Select(n => n.RecipientId).Order()
            .ShouldBe(new[] { world.Work.Agent.UserId!.Value, world.Work.Agent2.UserId!.Value, world.Work.Agent.UserId!.Value, world.Work.Agent2.UserId!.Value }.Order());
        var item = await check.Set<WorkItem>().SingleAsync(w => w.Number == number, Ct);
        item.SlaStatus.ShouldBe(SlaStatus.Breached);
    }

    [Theory, DatabaseData]
    public async Task Tick_BreachWithReassignEscalation_HandsTheItemToTheEscalationTeam(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database, Escalation.ReassignToTeam);
        var number = (await world.Work.RaiseAsync(world.Work.Requester)).Value!.Number;

        database.Time.Advance(TimeSpan.FromHours(5));
        await world.TickAsync();

        var item = (await world.Work.RunAsync(world.Work.Agent, u => u.Work.GetAsync(WorkKind.Incident, number, Ct))).Value!;
        item.Team!.Id.ShouldBe(world.Work.Field.Id);
        item.ReassignmentCount.ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task PolicyChange_OpenItemsKeepTheirTermsUntilTheAuditedRecompute(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        var number = (await world.Work.RaiseAsync(world.Work.Requester)).Value!.Number;
        await world.WithAsync(world.Admin, (_, policies) => policies.UpdateAsync(world.Policy.Id, world.Policy.Version,
            new PolicyDraft(Resolution: new TargetDraft(8, TargetUnit.Hours)), Ct));

        database.Time.Advance(TimeSpan.FromMinutes(10));
        await world.Work.MoveAsync(world.Work.Agent, number, new TransitionRequest(WorkState.InProgress));
        (await world.ClocksAsync(world.Work.Agent, number)).Value!.Single(c => c.Kind == "resolution").TargetMinutes.ShouldBe(240);

        var recomputed = await world.WithAsync(world.Admin, (_, policies) => policies.RecomputeAsync(Ct));

        recomputed.Value!.Items.ShouldBe(1);
        (await world.ClocksAsync(world.Work.Agent, number)).Value!.Single(c => c.Kind == "resolution").TargetMinutes.ShouldBe(480);
        await using var check = database.NewDbContext();
        (await check.Set<AuditEntry>().CountAsync(a => a.EntityType == nameof(ServiceLevelClock) && a.EntityId == "recompute", Ct)).ShouldBe(1);
        (await world.WithAsync(world.Work.Agent, (_, policies) => policies.RecomputeAsync(Ct))).Error!.Code.ShouldBe("forbidden");
    }

    [Theory, DatabaseData]
    public async Task CalendarChange_MakesANewRevisionAndOpenClocksStayOnTheirs(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        var number = (await world.Work.RaiseAsync(world.Work.Requester)).Value!.Number;

        var changed = await world.WithAsync(world.Admin, (calendars, _) => calendars.UpdateAsync(world.Calendar.Id, world.Calendar.Version,
            new CalendarDraft(null, null, false, new Dictionary<string, IReadOnlyList<string>> { ["monday"] = ["09:00-17:00"] }, null), Ct));
        database.Time.Advance(TimeSpan.FromHours(2));
        await world.Work.MoveAsync(world.Work.Agent, number, Hold);

        changed.Value!.Revision.ShouldBe(2);
        // 2 March 2026 is a Monday: 09:00–11:00 counts on either revision; the old 24×7 one is still used.
        var resolution = (await world.ClocksAsync(world.Work.Agent, number)).Value!.Single(c => c.Kind == "resolution");
        resolution.DueAt.ShouldBe(database.Time.GetUtcNow().UtcDateTime.AddHours(2));
    }

    [Theory, DatabaseData]
    public async Task Clocks_ForAnotherRequestersItem_AreNotFound(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        var number = (await world.Work.RaiseAsync(world.Work.Requester)).Value!.Number;

        (await world.ClocksAsync(world.Work.Requester, number)).Value!.Count.ShouldBe(2);
        (await world.ClocksAsync(world.Work.Requester2, number)).Error!.Code.ShouldBe("not_found");
    }

    [Theory, DatabaseData]
    public async Task Validation_BadCalendarOrPolicy_RefusedWithFieldErrorsAndNothingSaved(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);

        var calendar = await world.WithAsync(world.Admin, (calendars, _) => calendars.CreateAsync(new CalendarDraft(
            "Broken", "Europe/Atlantis", false,
            new Dictionary<string, IReadOnlyList<string>> { ["monday"] = ["09:00-13:00", "12:00-17:00"], ["funday"] = ["09:00-10:00"], ["tuesday"] = ["10:00-09:00"] },
            null), Ct));
        var policy = await world.WithAsync(world.Admin, (_, policies) => policies.CreateAsync(new PolicyDraft(
            Name: "Nothing", Agreement: Agreement.Sla, CalendarId: Guid.NewGuid(), Priorities: new List<int> { 7 },
            Resolution: new TargetDraft(0, TargetUnit.Minutes)), Ct));

        calendar.Error!.Fields!.Keys.ShouldBe(["timeZone", "week.funday", "week.monday", "week.tuesday"], ignoreOrder: true);
        policy.Error!.Fields!.Keys.ShouldBe(["calendarId", "priorities", "resolution"], ignoreOrder: true);
        await using var check = database.NewDbContext();
        (await check.Set<BusinessCalendar>().CountAsync(Ct)).ShouldBe(1);
        (await check.Set<ServiceLevelPolicy>().CountAsync(Ct)).ShouldBe(1);
    }
}

public sealed class OlaTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Request_TasksOfATeamWithAnOla_GetItsClockPausedWhileTheyWaitTheirTurn(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        (await world.WithAsync(world.Admin, (_, policies) => policies.CreateAsync(new PolicyDraft(
            Name: "Field tasks", Agreement: Agreement.Ola, TeamId: world.Work.Field.Id, CalendarId: world.Calendar.Id,
            Resolution: new TargetDraft(1, TargetUnit.BusinessDays)), Ct))).IsSuccess.ShouldBeTrue();

        var request = (await world.Work.RunAsync(world.Work.Requester, u => u.Requests.CreateAsync(
            new Keel.Application.Work.RequestDraft(world.Work.Laptop.Id, System.Text.Json.JsonDocument.Parse("""{"reason":"Mine broke"}""").RootElement, null), Ct))).Value!;
        var tasks = (await world.Work.RunAsync(world.Work.Agent, u => u.Work.ListAsync(WorkKind.Task,
            new Keel.Application.Work.WorkFilter(Parent: request.Id), new Keel.Application.Platform.Paging.PageRequest(), Ct))).Value!.Items;

        var field = tasks.Single(t => t.Team!.Id == world.Work.Field.Id).Sla.ShouldHaveSingleItem();
        (field.Name, field.Agreement, field.State, field.TargetMinutes).ShouldBe(("Task completion (OLA)", "OLA", "paused", 1440));
        field.Pauses.ShouldHaveSingleItem().Reason.ShouldBe("Pending");
        tasks.Single(t => t.Team!.Id == world.Work.Desk.Id).Sla.ShouldBeEmpty();
    }
}
