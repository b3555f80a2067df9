using Keel.Application.Data;
using Keel.Application.Experience;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Experience;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.Value;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Experience;

public sealed class SurveyIssuerTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Issue_FirstRun_SetsTheWatermarkOnly_ItemsResolvedBeforeGetNone(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SurveyWorld.CreateAsync(database);
        await world.ResolvedIncidentAsync("Resolved long before surveys");
        database.Time.Advance(TimeSpan.FromHours(1));

        var first = await world.IssueAsync();
        database.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await world.IssueAsync();

        (first, second).ShouldBe((0, 0));
        (await world.StoredAsync()).ShouldBeEmpty();
        await using var db = database.NewDbContext();
        (await db.Set<RollupMark>().SingleAsync(m => m.Name == "surveys", Ct)).Since.ShouldBe(database.Time.GetUtcNow().UtcDateTime);
    }

    [Theory, DatabaseData]
    public async Task Issue_ResolvedIncident_OneSurveyToTheRequesterWithItsLinkByMail_SecondRunAddsNone(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SurveyWorld.CreateAsync(database);
        await world.StartIssuerAsync();
        var number = await world.ResolvedIncidentAsync();
        await world.Work.RaiseAsync(world.Work.Requester, "Still broken");
        database.Time.Advance(TimeSpan.FromMinutes(5));

        var sent = await world.IssueAsync();
        database.Time.Advance(TimeSpan.FromMinutes(1));
        var again = await world.IssueAsync();

        (sent, again).ShouldBe((1, 0));
        var survey = await world.OnlySurveyAsync();
        (survey.RecipientId, survey.ServiceId, survey.RespondedAt).ShouldBe((world.Work.Requester.UserId!.Value, world.Work.Service.Id, null));
        survey.Token.Length.ShouldBe(32);
        survey.Token.ShouldMatch("^[A-Za-z0-9_-]{32}$");
        (survey.ExpiresAt - survey.SentAt).ShouldBe(TimeSpan.FromDays(14));
        await using var db = database.NewDbContext();
        var item = await db.Set<WorkItem>().SingleAsync(w => w.Number == number, Ct);
        survey.WorkItemId.ShouldBe(item.Id);
        var notification = await db.Set<Notification>().SingleAsync(n => n.Event == NotificationEvent.SurveyRequested, Ct);
        (notification.RecipientId, notification.Link, notification.Email).ShouldBe((world.Work.Requester.UserId!.Value, $"/portal/items/{number}", EmailState.Pending));
        notification.Subject.ShouldBe($"How did we do with {number}?");
        notification.Body.ShouldContain($"http://localhost:5080/surveys/{survey.Token}");
    }

    [Theory, DatabaseData]
    public async Task Issue_ServiceSampleRateZero_SendsNone_EvenAfterTheRateIsRaised(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SurveyWorld.CreateAsync(database);
        await world.StartIssuerAsync();
        await world.SetSampleRateAsync(0m);
        await world.ResolvedIncidentAsync("One");
        await world.ResolvedIncidentAsync("Two");

        var atZero = await world.IssueAsync();
        database.Time.Advance(SurveyIssuer.Overlap + TimeSpan.FromMinutes(1));
        atZero += await world.IssueAsync();
        await world.SetSampleRateAsync(1m);
        var three = await world.ResolvedIncidentAsync("Three");
        var atOne = await world.IssueAsync();

        // Once a run past the overlap has passed them over, items decided at rate 0 stay without a survey.
        (atZero, atOne).ShouldBe((0, 1));
        await using var db = database.NewDbContext();
        var surveyed = await db.Set<WorkItem>().Where(w => w.Id == db.Set<Survey>().Select(s => s.WorkItemId).Single()).Select(w => w.Number).SingleAsync(Ct);
        surveyed.ShouldBe(three);
    }

    [Theory, DatabaseData]
    public async Task Issue_SampleRateHalf_SurveysExactlyTheItemsTheRuleSelects(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SurveyWorld.CreateAsync(database);
        await world.StartIssuerAsync();
        await world.SetSampleRateAsync(0.5m);
        for (var i = 1; i <= 8; i++)
        {
            await world.ResolvedIncidentAsync($"Item {i}");
        }

        var sent = await world.IssueAsync();

        await using var db = database.NewDbContext();
        var ids = await db.Set<WorkItem>().Select(w => w.Id).ToListAsync(Ct);
        var expected = ids.Where(id => SurveySampling.Selects(id, 0.5m)).OrderBy(id => id).ToList();
        sent.ShouldBe(expected.Count);
        (await world.StoredAsync()).Select(s => s.WorkItemId).OrderBy(id => id).ShouldBe(expected);
    }

    [Theory, DatabaseData]
    public async Task Issue_FulfilledRequestRaisedForSomeoneElse_AsksThePersonItWasFor(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SurveyWorld.CreateAsync(database);
        await world.StartIssuerAsync();
        var request = (await world.Work.RunAsync(world.Work.Agent, u => u.Requests.CreateAsync(
            new RequestDraft(world.Headset.Id, System.Text.Json.JsonDocument.Parse("{}").RootElement, "requester2"), Ct))).Value!;
        request.State.ShouldBe(WorkState.InFulfilment);

        var beforeFulfilled = await world.IssueAsync();
        (await world.Work.MoveAsync(world.Work.Agent, request.Number, SurveyWorld.Fulfil, WorkKind.Request)).IsSuccess.ShouldBeTrue();
        var afterFulfilled = await world.IssueAsync();

        (beforeFulfilled, afterFulfilled).ShouldBe((0, 1));
        (await world.OnlySurveyAsync()).RecipientId.ShouldBe(world.Work.Requester2.UserId!.Value);
    }

    [Theory, DatabaseData]
    public async Task Issue_RequesterDeactivated_NoSurvey(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SurveyWorld.CreateAsync(database);
        await world.StartIssuerAsync();
        await world.ResolvedIncidentAsync();
        await using (var db = database.NewDbContext())
        {
            var requester = await db.Users.SingleAsync(u => u.Id == world.Work.Requester.UserId, Ct);
            requester.IsActive = false;
            await db.SaveChangesAsync(Ct);
        }

        (await world.IssueAsync()).ShouldBe(0);
        (await world.StoredAsync()).ShouldBeEmpty();
    }
}
