using Keel.Application.Data;
using Keel.Application.Experience;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Experience;

public sealed class SurveyServiceTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A world with one survey sent for a resolved incident of the requester; returns its token.</summary>
    private static async Task<(SurveyWorld World, string Token)> SentAsync(TestDatabase database)
    {
        var world = await SurveyWorld.CreateAsync(database);
        await world.StartIssuerAsync();
        await world.ResolvedIncidentAsync("Printer jammed");
        (await world.IssueAsync()).ShouldBe(1);
        return (world, (await world.OnlySurveyAsync()).Token);
    }

    [Theory, DatabaseData]
    public async Task Answer_FirstTime_StoredAndShownAnswered_SecondTimeConflictFirstKept(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var (world, token) = await SentAsync(database);

        var first = await world.SurveysAsync(null, s => s.AnswerAsync(token, new SurveyAnswer(4, "Quick, thanks."), Ct));
        var second = await world.SurveysAsync(null, s => s.AnswerAsync(token, new SurveyAnswer(1, "Changed my mind."), Ct));
        var shown = await world.SurveysAsync(null, s => s.GetByTokenAsync(token, Ct));

        (first.Value!.Status, first.Value.Rating, first.Value.Comment).ShouldBe((SurveyStatus.Answered, 4, "Quick, thanks."));
        (second.Error!.Kind, second.Error.Code).ShouldBe((ErrorKind.Conflict, "survey_answered"));
        (shown.Value!.Status, shown.Value.Rating, shown.Value.Comment, shown.Value.Item.Title).ShouldBe((SurveyStatus.Answered, 4, "Quick, thanks.", "Printer jammed"));
        var stored = await world.OnlySurveyAsync();
        (stored.Rating, stored.Comment, stored.RespondedAt).ShouldBe((4, "Quick, thanks.", database.Time.GetUtcNow().UtcDateTime));
    }

    [Theory, DatabaseData]
    public async Task Answer_BadRatingOrLongComment_ValidationWithFieldErrors_NothingWritten(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var (world, token) = await SentAsync(database);

        var zero = await world.SurveysAsync(null, s => s.AnswerAsync(token, new SurveyAnswer(0, null), Ct));
        var missing = await world.SurveysAsync(null, s => s.AnswerAsync(token, null, Ct));
        var tooLong = await world.SurveysAsync(null, s => s.AnswerAsync(token, new SurveyAnswer(5, new string('x', 2001)), Ct));

        zero.Error!.Fields!.Keys.ShouldBe(["rating"]);
        missing.Error!.Fields!.Keys.ShouldBe(["rating"]);
        (tooLong.Error!.Code, tooLong.Error.Fields!.Keys.Single()).ShouldBe(("validation_failed", "comment"));
        var stored = await world.OnlySurveyAsync();
        (stored.Rating, stored.Comment, stored.RespondedAt).ShouldBe((null, null, null));
        (await world.SurveysAsync(null, s => s.GetByTokenAsync(token, Ct))).Value!.Status.ShouldBe(SurveyStatus.Open);
    }

    [Theory, DatabaseData]
    public async Task Expired_GetAndAnswerGone_NothingWritten_NoLongerListedAsOpen(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var (world, token) = await SentAsync(database);
        var beforeExpiry = await world.SurveysAsync(world.Work.Requester, s => s.MineAsync(new PageRequest(), Ct));
        database.Time.Advance(Survey.DefaultLifetime);

        var get = await world.SurveysAsync(null, s => s.GetByTokenAsync(token, Ct));
        var answer = await world.SurveysAsync(null, s => s.AnswerAsync(token, new SurveyAnswer(5, null), Ct));
        var mine = await world.SurveysAsync(world.Work.Requester, s => s.MineAsync(new PageRequest(), Ct));

        beforeExpiry.Value!.Items.ShouldHaveSingleItem().Token.ShouldBe(token);
        (get.Error!.Kind, get.Error.Code).ShouldBe((ErrorKind.Gone, "survey_expired"));
        (answer.Error!.Kind, answer.Error.Code).ShouldBe((ErrorKind.Gone, "survey_expired"));
        (await world.OnlySurveyAsync()).RespondedAt.ShouldBeNull();
        mine.Value!.Items.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task GetByToken_UnknownOrMalformed_NotFound_KnownShowsTheItemOnly(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var (world, token) = await SentAsync(database);

        var unknown = await world.SurveysAsync(null, s => s.GetByTokenAsync(new string('A', 32), Ct));
        var malformed = await world.SurveysAsync(null, s => s.GetByTokenAsync("' or 1=1 --", Ct));
        var known = (await world.SurveysAsync(null, s => s.GetByTokenAsync(token, Ct))).Value!;

        (unknown.Error!.Code, malformed.Error!.Code).ShouldBe(("not_found", "not_found"));
        (known.Kind, known.Item.Number, known.Item.Title, known.Service, known.Status).ShouldBe((WorkKind.Incident, "INC0000001", "Printer jammed", "Workplace", SurveyStatus.Open));
        known.ResolvedAt.ShouldNotBeNull();
    }

    [Theory, DatabaseData]
    public async Task Mine_OnlyTheCallersOpenSurveys(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var (world, token) = await SentAsync(database);

        var requester = await world.SurveysAsync(world.Work.Requester, s => s.MineAsync(new PageRequest(), Ct));
        var other = await world.SurveysAsync(world.Work.Requester2, s => s.MineAsync(new PageRequest(), Ct));
        await world.SurveysAsync(null, s => s.AnswerAsync(token, new SurveyAnswer(5, null), Ct));
        var afterAnswer = await world.SurveysAsync(world.Work.Requester, s => s.MineAsync(new PageRequest(), Ct));

        var open = requester.Value!.Items.ShouldHaveSingleItem();
        (open.Token, open.Item.Number, open.Service.Name).ShouldBe((token, "INC0000001", "Workplace"));
        other.Value!.Items.ShouldBeEmpty();
        afterAnswer.Value!.Items.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Responses_AgentReadsAll_OwnerOnlyOwnServices_RequesterForbidden_FiltersApply(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var (world, token) = await SentAsync(database);
        await world.SurveysAsync(null, s => s.AnswerAsync(token, new SurveyAnswer(2, "Took a while."), Ct));
        var otherOwner = new TestUser("other-owner", Guid.NewGuid(), Roles.ServiceOwner);

        var agent = await world.SurveysAsync(world.Work.Agent, s => s.ResponsesAsync(new SurveyResponseFilter(), new PageRequest(), Ct));
        var owner = await world.SurveysAsync(world.Work.Owner, s => s.ResponsesAsync(new SurveyResponseFilter(), new PageRequest(), Ct));
        var notTheirs = await world.SurveysAsync(otherOwner, s => s.ResponsesAsync(new SurveyResponseFilter(), new PageRequest(), Ct));
        var requester = await world.SurveysAsync(world.Work.Requester, s => s.ResponsesAsync(new SurveyResponseFilter(), new PageRequest(), Ct));
        var rating5 = await world.SurveysAsync(world.Work.Agent, s => s.ResponsesAsync(new SurveyResponseFilter(Ratings: [5]), new PageRequest(), Ct));
        var later = await world.SurveysAsync(world.Work.Agent, s => s.ResponsesAsync(
            new SurveyResponseFilter(From: database.Time.GetUtcNow().UtcDateTime.AddMinutes(1)), new PageRequest(), Ct));

        var response = agent.Value!.Items.ShouldHaveSingleItem();
        (response.Item.Number, response.Service.Name, response.Rating, response.Comment).ShouldBe(("INC0000001", "Workplace", 2, "Took a while."));
        owner.Value!.Items.ShouldHaveSingleItem();
        notTheirs.Value!.Items.ShouldBeEmpty();
        requester.Error!.Code.ShouldBe("forbidden");
        rating5.Value!.Items.ShouldBeEmpty();
        later.Value!.Items.ShouldBeEmpty();
    }
}
