using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform.Notifications;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Keel.Application.Tests.Work;

public sealed class NotificationTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<Notification>> NotificationsAsync(TestDatabase database)
    {
        await using var db = database.NewDbContext();
        return await db.Set<Notification>().OrderBy(n => n.CreatedAt).ThenBy(n => n.Subject).ToListAsync(Ct);
    }

    [Theory, DatabaseData]
    public async Task IncidentFlow_EachPersonToldWhatConcernsThemAndNeverAboutInternalNotes(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var raised = (await world.RaiseAsync(world.Requester)).Value!;
        var number = raised.Number;

        await world.RunAsync(world.Agent, u => u.Work.UpdateAsync(WorkKind.Incident, number, raised.Version, new WorkPatch(Assignee: new(true, world.Agent2.UserId)), Ct));
        await world.RunAsync(world.Agent2, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("Caller sounds annoyed.", true), Ct));
        await world.RunAsync(world.Agent2, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("Does it happen on the web too?", null), Ct));
        await world.MoveAsync(world.Agent2, number, new TransitionRequest(WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller));
        await world.RunAsync(world.Requester, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("Only in Outlook.", null), Ct));
        await world.MoveAsync(world.Agent2, number, new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedRemotely, ResolutionNote: "Cleared the credential cache."));

        var all = await NotificationsAsync(database);
        all.Select(n => (n.RecipientId, n.Event)).ShouldBe(
        [
            (world.Agent2.UserId!.Value, NotificationEvent.Assigned),
            (world.Requester.UserId!.Value, NotificationEvent.AgentReplied),
            (world.Requester.UserId!.Value, NotificationEvent.AwaitingYourReply),
            (world.Agent2.UserId!.Value, NotificationEvent.RequesterReplied),
            (world.Requester.UserId!.Value, NotificationEvent.Resolved),
        ], ignoreOrder: true);
        all.ShouldNotContain(n => n.Body.Contains("annoyed"));
        var reply = all.Single(n => n.Event == NotificationEvent.AgentReplied);
        (reply.Subject, reply.Link).ShouldBe(($"New reply on {number}: Outlook keeps asking for my password", $"/portal/items/{number}"));
        reply.Body.ShouldContain("Does it happen on the web too?");
        all.Single(n => n.Event == NotificationEvent.Assigned).Link.ShouldBe($"/work/incidents/{number}");
        all.Single(n => n.Event == NotificationEvent.Resolved).Body.ShouldContain("Cleared the credential cache.");
    }

    [Theory, DatabaseData]
    public async Task Request_ApproverAskedAndRequesterToldTheDecision_PreferencesRespected(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        await using (var db = database.NewDbContext(world.Requester))
        {
            (await new NotificationService(db, world.Requester, database.Time)
                .SetPreferencesAsync([new PreferenceView(NotificationEvent.ApprovalDecided, InApp: true, Email: false)], Ct)).IsSuccess.ShouldBeTrue();
        }

        var request = (await world.RunAsync(world.Requester, u => u.Requests.CreateAsync(
            new RequestDraft(world.Laptop.Id, JsonDocument.Parse("""{ "reason": "Broken screen" }""").RootElement, null), Ct))).Value!;
        var asked = (await NotificationsAsync(database)).ShouldHaveSingleItem();
        (asked.RecipientId, asked.Event, asked.Link, asked.Email).ShouldBe((world.Manager.UserId!.Value, NotificationEvent.ApprovalRequested, "/portal/approvals", EmailState.Pending));

        var approval = (await world.RunAsync(world.Manager, u => u.Approvals.ListAsync(true, null, new PageRequest(), Ct))).Value!.Items[0];
        await world.RunAsync(world.Manager, u => u.Approvals.DecideAsync(approval.Id, new ApprovalDecision(false, "Use the spare pool"), Ct));

        var decided = (await NotificationsAsync(database)).Single(n => n.Event == NotificationEvent.ApprovalDecided);
        (decided.RecipientId, decided.Email).ShouldBe((world.Requester.UserId!.Value, EmailState.None));
        decided.Subject.ShouldBe($"{request.Number} was rejected: Use the spare pool");
    }

    [Theory, DatabaseData]
    public async Task MailJob_PendingNotifications_SentOverSmtpOnceAndMarkedSent(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await world.RaiseAsync(world.Requester)).Value!.Number;
        await world.RunAsync(world.Agent, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("We are on it.\n.\nA line with a single dot above.", null), Ct));
        await using var smtp = new SmtpListener();
        var options = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, Security = SmtpSecurity.None, From = "Keel <keel@keel-test.example>" });

        int sent, again;
        await using (var db = database.NewDbContext(Keel.Application.Platform.SystemUser.Instance))
        {
            sent = await new NotificationMailHandler(db, options, database.Time, NullLogger<NotificationMailHandler>.Instance).SendPendingAsync(Ct);
            again = await new NotificationMailHandler(db, options, database.Time, NullLogger<NotificationMailHandler>.Instance).SendPendingAsync(Ct);
        }

        (sent, again).ShouldBe((1, 0));
        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.To.ShouldBe(["<requester@keel-test.example>"]);
        mail.Data.ShouldContain($"Subject: New reply on {number}");
        mail.Data.ShouldContain("\r\n.\r\nA line with a single dot above.");
        (await NotificationsAsync(database)).Single().Email.ShouldBe(EmailState.Sent);
    }

    [Theory, DatabaseData]
    public async Task MailJob_NoServerConfigured_PendingMarkedSkipped(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var number = (await world.RaiseAsync(world.Requester)).Value!.Number;
        await world.RunAsync(world.Agent, u => u.Conversation.AddCommentAsync(WorkKind.Incident, number, new CommentDraft("Hello", null), Ct));

        await using (var db = database.NewDbContext(Keel.Application.Platform.SystemUser.Instance))
        {
            (await new NotificationMailHandler(db, Options.Create(new SmtpOptions()), database.Time, NullLogger<NotificationMailHandler>.Instance).SendPendingAsync(Ct)).ShouldBe(0);
        }

        (await NotificationsAsync(database)).Single().Email.ShouldBe(EmailState.Skipped);
    }

    [Theory, DatabaseData]
    public async Task ApprovalReminder_AfterADayAndDailyUntilDecided(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await WorkWorld.CreateAsync(database);
        var request = (await world.RunAsync(world.Requester, u => u.Requests.CreateAsync(
            new RequestDraft(world.Laptop.Id, JsonDocument.Parse("""{ "reason": "Broken screen" }""").RootElement, null), Ct))).Value!;
        async Task<int> RemindAsync()
        {
            await using var db = database.NewDbContext(Keel.Application.Platform.SystemUser.Instance);
            return await new ApprovalReminderHandler(db, database.Time, new NotificationLinks(NotificationLinks.DefaultPublicUrl)).RemindAsync(Ct);
        }

        database.Time.Advance(TimeSpan.FromHours(23));
        var early = await RemindAsync();
        database.Time.Advance(TimeSpan.FromHours(2));
        var first = await RemindAsync();
        var again = await RemindAsync();
        database.Time.Advance(TimeSpan.FromDays(1));
        var second = await RemindAsync();
        var approval = (await world.RunAsync(world.Manager, u => u.Approvals.ListAsync(true, null, new PageRequest(), Ct))).Value!.Items[0];
        await world.RunAsync(world.Manager, u => u.Approvals.DecideAsync(approval.Id, new ApprovalDecision(true, null), Ct));
        database.Time.Advance(TimeSpan.FromDays(2));
        var afterDecision = await RemindAsync();

        (early, first, again, second, afterDecision).ShouldBe((0, 1, 0, 1, 0));
        var reminders = (await NotificationsAsync(database)).Where(n => n.Event == NotificationEvent.ApprovalReminder).ToList();
        reminders.Select(n => n.RecipientId).Distinct().ShouldBe([world.Manager.UserId!.Value]);
        reminders.Select(n => n.Subject).ShouldAllBe(subject => subject == $"Reminder: {request.Number} waits for your approval");
        reminders.Last().Body.ShouldContain("2 days ago");
    }
}
