using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Notifications;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Keel.Application.Tests.Work;

public sealed class MajorIncidentTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<T> MajorAsync<T>(WorkWorld world, ICurrentUser user, Func<StakeholderService, TimelineService, Task<T>> action)
    {
        await using var db = world.Database.NewDbContext(user);
        var work = new WorkItemService(db, user, world.Database.Time, new WorkViews(db, user, world.Database.Time), new WorkEffects(db));
        return await action(new StakeholderService(db, user, world.Database.Time, work), new TimelineService(db, user, work));
    }

    /// <summary>An incident raised by the world's requester and declared major by the first agent.</summary>
    private static async Task<WorkItemView> DeclaredAsync(WorkWorld world)
    {
        var raised = (await world.RaiseAsync(world.Requester, "Nobody can sign in to the CRM", impact: 1, urgency: 1)).Value!;
        world.Database.Time.Advance(TimeSpan.FromMinutes(5));
        return (await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, raised.Number, raised.Version, new WorkPatch(IsMajor: new(true, true)), Ct))).Value!;
    }

    private static Task<Result<StakeholderUpdateView>> SendAsync(WorkWorld world, string number, string message, DateTime? next = null) =>
        MajorAsync(world, world.Agent, (s, _) => s.SendUpdateAsync(number, new StakeholderUpdateDraft(message, next), Ct));

    [Theory, DatabaseData]
    public async Task StakeholderUpdate_IncidentNotMajor_RefusedAsNotMajorAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await world.RaiseAsync(world.Requester)).Value!.Number;

        var update = await SendAsync(world, number, "Still down.");
        var stakeholder = await MajorAsync(world, world.Agent, (s, _) => s.AddAsync(number, [world.Manager.UserId!.Value], Ct));

        (update.Error!.Kind, update.Error.Code).ShouldBe((ErrorKind.Conflict, "not_major"));
        stakeholder.Error!.Code.ShouldBe("not_major");
        (await world.RunAsync(world.Agent, u => u.Conversation.CommentsAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Value!.Items.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task StakeholderUpdate_MajorIncident_EachStakeholderAndTheRequesterToldInAppAndByEmailAsTheyChose(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await DeclaredAsync(world)).Number;
        await using (var db = database.NewDbContext(world.Owner))
        {
            await new NotificationService(db, world.Owner, database.Time).SetPreferencesAsync([new PreferenceView(NotificationEvent.StakeholderUpdate, InApp: true, Email: false)], Ct);
        }
        (await MajorAsync(world, world.Agent, (s, _) => s.AddAsync(number, [world.Manager.UserId!.Value, world.Owner.UserId!.Value], Ct))).IsSuccess.ShouldBeTrue();
        var next = database.Time.GetUtcNow().UtcDateTime.AddMinutes(30);

        var sent = await SendAsync(world, number, "The CRM database is **read-only**; we are failing over.", next);
        await using var smtp = new SmtpListener();
        await using (var db = database.NewDbContext(SystemUser.Instance))
        {
            var options = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None });
            await new NotificationMailHandler(db, options, database.Time, NullLogger<NotificationMailHandler>.Instance).SendPendingAsync(Ct);
        }

        sent.Value!.NextUpdateAt.ShouldBe(next);
        await using var check = database.NewDbContext();
        var told = await check.Set<Notification>().Where(n => n.Event == NotificationEvent.StakeholderUpdate).ToListAsync(Ct);
        told.Select(n => (n.RecipientId, n.InApp, n.Email)).ShouldBe(
        [
            (world.Manager.UserId!.Value, true, EmailState.Sent),
            (world.Owner.UserId!.Value, true, EmailState.None),
            (world.Requester.UserId!.Value, true, EmailState.Sent),
        ], ignoreOrder: true);
        told.ShouldAllBe(n => n.Subject == $"Update on major incident {number}: Nobody can sign in to the CRM" && n.Link == $"/portal/items/{number}");
        told[0].Body.ShouldContain("we are failing over");
        told[0].Body.ShouldContain("Next update by 2 Mar 2026, 09:35 (UTC).");
        smtp.Received.SelectMany(m => m.To).ShouldBe(["<manager@keel-test.example>", "<requester@keel-test.example>"], ignoreOrder: true);
        var comments = (await world.RunAsync(world.Requester, u => u.Conversation.CommentsAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Value!.Items;
        comments.ShouldHaveSingleItem().StakeholderUpdate.ShouldBeTrue();
    }

    [Theory, DatabaseData]
    public async Task Resolve_MajorIncident_StakeholdersToldTheResolution(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await DeclaredAsync(world)).Number;
        await MajorAsync(world, world.Agent, (s, _) => s.AddAsync(number, [world.Manager.UserId!.Value], Ct));

        await world.MoveAsync(world.Agent, number, new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Failed over."));

        await using var check = database.NewDbContext();
        (await check.Set<Notification>().Where(n => n.Event == NotificationEvent.Resolved).Select(n => n.RecipientId).ToListAsync(Ct))
            .ShouldBe([world.Manager.UserId!.Value, world.Requester.UserId!.Value], ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Suggestions_ServiceOwnerAndPeopleOfConsumingUnits_OfferedHeadsFirstAndNothingAdded(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var unit = await Keel.Application.Tests.Platform.PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");
        await using (var db = database.NewDbContext())
        {
            var sales = await db.Users.Where(u => u.Id == world.Requester.UserId).Select(u => u.BusinessUnitId!.Value).SingleAsync(Ct);
            db.Add(new ServiceConsumer { ServiceId = world.Service.Id, BusinessUnitId = sales, Basis = AllocationBasis.Tickets });
            // Requester2 moves to a unit that does not consume the service: not offered.
            (await db.Users.SingleAsync(u => u.Id == world.Requester2.UserId, Ct)).BusinessUnitId = unit.Id;
            await db.SaveChangesAsync(Ct);
        }
        var number = (await DeclaredAsync(world)).Number;

        var offered = (await MajorAsync(world, world.Agent, (s, _) => s.SuggestionsAsync(number, Ct))).Value!;
        var listed = (await MajorAsync(world, world.Agent, (s, _) => s.ListAsync(number, new PageRequest(), Ct))).Value!;

        // The requester hears anyway; the manager heads Sales (their manager is outside it).
        offered.Select(s => (s.Person.Name, s.Reason)).ShouldBe([("owner", "Owner of Workplace"), ("manager", "Sales, a consumer of Workplace")]);
        listed.Items.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Stakeholder_ReadsTheIncidentUntilRemoved_AndEachChangeIsAnInternalHistoryLine(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await DeclaredAsync(world)).Number;
        var before = await world.RunAsync(world.Requester2, u => u.Work.GetAsync(WorkKind.Incident, number, Ct));

        await MajorAsync(world, world.Agent, (s, _) => s.AddAsync(number, [world.Requester2.UserId!.Value], Ct));
        var again = await MajorAsync(world, world.Agent, (s, _) => s.AddAsync(number, [world.Requester2.UserId!.Value], Ct));
        var during = await world.RunAsync(world.Requester2, u => u.Work.GetAsync(WorkKind.Incident, number, Ct));
        var byRequester = await MajorAsync(world, world.Requester, (s, _) => s.SendUpdateAsync(number, new StakeholderUpdateDraft("Hi", null), Ct));
        (await MajorAsync(world, world.Agent, (s, _) => s.RemoveAsync(number, world.Requester2.UserId!.Value, Ct))).IsSuccess.ShouldBeTrue();
        var after = await world.RunAsync(world.Requester2, u => u.Work.GetAsync(WorkKind.Incident, number, Ct));

        (before.Error?.Code, during.IsSuccess, after.Error?.Code).ShouldBe(("not_found", true, "not_found"));
        again.Error!.Code.ShouldBe("conflict");
        byRequester.Error!.Code.ShouldBe("forbidden");
        var history = (await world.RunAsync(world.Agent, u => u.Conversation.HistoryAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Value!.Items;
        history.Where(h => h.Field == MajorIncident.StakeholderField).Select(h => (h.From, h.To, h.Actor!.Name)).ShouldBe([(null, "requester2", "agent"), ("requester2", null, "agent")]);
        (await world.RunAsync(world.Requester, u => u.Conversation.HistoryAsync(WorkKind.Incident, number, new PageRequest(), Ct))).Value!.Items
            .ShouldNotContain(h => h.Field == MajorIncident.StakeholderField);
    }

    [Theory, DatabaseData]
    public async Task Declare_RecordedWithWhoAndWhen_OnlyForOpenIncidents(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var declared = await DeclaredAsync(world);
        var stoodDown = (await world.RunAsync(world.Agent2, u => u.Work.UpdateAsync(WorkKind.Incident, declared.Number, declared.Version, new WorkPatch(IsMajor: new(true, false)), Ct))).Value!;
        var resolved = (await world.MoveAsync(world.Agent, declared.Number, new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedRemotely, ResolutionNote: "Fixed."))).Value!;

        var onResolved = await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, resolved.Number, resolved.Version, new WorkPatch(IsMajor: new(true, true)), Ct));

        stoodDown.IsMajor.ShouldBeFalse();
        onResolved.Error!.Code.ShouldBe("conflict");
        var lines = (await world.RunAsync(world.Requester, u => u.Conversation.HistoryAsync(WorkKind.Incident, declared.Number, new PageRequest(), Ct))).Value!.Items
            .Where(h => h.Field == MajorIncident.Field).Select(h => (h.To, h.Actor!.Name, h.At)).ToList();
        var raisedAt = declared.CreatedAt;
        lines.ShouldBe([("True", "agent", raisedAt.AddMinutes(5)), ("False", "agent2", raisedAt.AddMinutes(5))]);
    }

    [Theory, DatabaseData]
    public async Task Timeline_AgentSeesEveryKeyMoment_RequesterOnlyThePublicOnes(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var declared = await DeclaredAsync(world);
        var number = declared.Number;
        await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, number, declared.Version, new WorkPatch(Assignee: new(true, world.Agent2.UserId)), Ct));
        database.Time.Advance(TimeSpan.FromMinutes(5));
        await world.RunAsync(world.Agent2, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("Storage path flapping.", true), Ct));
        await world.RunAsync(world.Agent, u => u.Incidents.CreateAsync(new IncidentDraft("CRM down for me too", null, world.Service.Id, null, "requester2", 2, 2, null, number), Ct));
        database.Time.Advance(TimeSpan.FromMinutes(10));
        await SendAsync(world, number, "Failing over to the standby database.");
        database.Time.Advance(TimeSpan.FromMinutes(10));
        await world.RunAsync(world.Agent2, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("Can you sign in now?", null), Ct));
        await world.MoveAsync(world.Agent2, number, new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Failed over."));

        var agent = (await MajorAsync(world, world.Agent, (_, t) => t.TimelineAsync(number, new PageRequest(), Ct))).Value!.Items;
        var requester = (await MajorAsync(world, world.Requester, (_, t) => t.TimelineAsync(number, new PageRequest(), Ct))).Value!.Items;
        var stranger = await MajorAsync(world, world.Requester2, (_, t) => t.TimelineAsync(number, new PageRequest(), Ct));

        agent.Select(e => (e.Moment, e.ElapsedMinutes)).ShouldBe(
        [
            (TimelineMoment.Raised, 0), (TimelineMoment.Assigned, 0), (TimelineMoment.DeclaredMajor, 5), (TimelineMoment.Assigned, 5),
            (TimelineMoment.ChildLinked, 10), (TimelineMoment.StakeholderUpdate, 20), (TimelineMoment.PublicReply, 30), (TimelineMoment.Resolved, 30),
        ]);
        agent.Where(e => e.Moment == TimelineMoment.Assigned).Select(e => e.To).ShouldBe(["Service Desk", "agent2"]);
        agent.Single(e => e.Moment == TimelineMoment.ChildLinked).Text.ShouldBe("CRM down for me too");
        requester.Select(e => e.Moment).ShouldBe(
            [TimelineMoment.Raised, TimelineMoment.DeclaredMajor, TimelineMoment.StakeholderUpdate, TimelineMoment.PublicReply, TimelineMoment.Resolved]);
        requester.Single(e => e.Moment == TimelineMoment.StakeholderUpdate).Text.ShouldBe("Failing over to the standby database.");
        requester.Single(e => e.Moment == TimelineMoment.PublicReply).Text.ShouldBe("Can you sign in now?");
        requester.ShouldNotContain(e => e.Text != null && e.Text.Contains("flapping"));
        stranger.Error!.Code.ShouldBe("not_found");
    }

    [Theory, DatabaseData]
    public async Task Timeline_PagedByCursor_EveryMomentOnceInTimeOrder(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await DeclaredAsync(world)).Number;
        for (var i = 1; i <= 4; i++)
        {
            database.Time.Advance(TimeSpan.FromMinutes(15));
            await SendAsync(world, number, $"Update {i}");
        }

        var first = (await MajorAsync(world, world.Agent, (_, t) => t.TimelineAsync(number, new PageRequest(4), Ct))).Value!;
        var second = (await MajorAsync(world, world.Agent, (_, t) => t.TimelineAsync(number, new PageRequest(4, first.NextCursor), Ct))).Value!;
        var bad = await MajorAsync(world, world.Agent, (_, t) => t.TimelineAsync(number, new PageRequest(4, "not-a-cursor"), Ct));

        first.Items.Concat(second.Items).Select(e => e.Text ?? e.Moment.ToString()).ShouldBe(["Raised", "Assigned", "DeclaredMajor", "Update 1", "Update 2", "Update 3", "Update 4"]);
        second.NextCursor.ShouldBeNull();
        bad.Error!.Fields!.Keys.ShouldBe(["cursor"]);
    }

    [Theory, DatabaseData]
    public async Task History_AssignmentAndTeamLines_NamesInsteadOfIdsWhichStayAvailable(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var raised = (await world.RaiseAsync(world.Requester)).Value!;

        await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, raised.Number, raised.Version,
            new WorkPatch(Team: new(true, world.Field.Id), Assignee: new(true, world.Agent2.UserId)), Ct));

        var history = (await world.RunAsync(world.Agent, u => u.Conversation.HistoryAsync(WorkKind.Incident, raised.Number, new PageRequest(), Ct))).Value!.Items;
        var team = history.Last(h => h.Field == "team");
        (team.From, team.To, team.FromId, team.ToId).ShouldBe(("Service Desk", "Field Services", world.Desk.Id.ToString(), world.Field.Id.ToString()));
        var assignee = history.Single(h => h.Field == "assignee");
        (assignee.From, assignee.To, assignee.ToId).ShouldBe((null, "agent2", world.Agent2.UserId.ToString()));
    }
}
