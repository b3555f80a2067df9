using Keel.Application.Data;
using Keel.Application.Knowledge;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Knowledge;

namespace Keel.Application.Tests.Knowledge;

public sealed class KnowledgeFeedbackTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Vote_SamePersonTwice_OneVoteTheLatestCounted(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = await world.PublishedAsync("Printer shows offline", "Turn it off and on.");

        await world.RunAsync(world.Requester, (_, f) => f.VoteAsync(article.Id, new FeedbackDraft(true), Ct));
        var again = (await world.RunAsync(world.Requester, (_, f) => f.VoteAsync(article.Id, new FeedbackDraft(false, "Did not help."), Ct))).Value!;
        await world.RunAsync(world.Work.Requester2, (_, f) => f.VoteAsync(article.Id, new FeedbackDraft(true), Ct));

        again.Helpful.ShouldBe(new HelpfulCounts(0, 1));
        var staff = (await world.RunAsync(world.Agent, (k, _) => k.GetAsync(article.Id, Ct))).Value!;
        staff.Helpful.ShouldBe(new HelpfulCounts(1, 1));
        var comments = (await world.RunAsync(world.Agent, (_, f) => f.ListAsync(article.Id, new(), Ct))).Value!.Items;
        comments.Single(c => !c.Helpful).Comment.ShouldBe("Did not help.");
    }

    [Theory, DatabaseData]
    public async Task Vote_NewVersionPublished_CountsStartAgainForIt(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = await world.PublishedAsync("Printer shows offline", "Version one.");
        await world.RunAsync(world.Requester, (_, f) => f.VoteAsync(article.Id, new FeedbackDraft(false), Ct));
        await world.RunAsync(world.Agent, (k, _) => k.UpdateAsync(article.Id, article.Version, new ArticlePatch(Body: "Version two."), Ct));
        await world.MoveAsync(world.Agent, article.Id, ArticleState.Review);
        await world.MoveAsync(world.Lead, article.Id, ArticleState.Published);

        var second = (await world.RunAsync(world.Requester, (_, f) => f.VoteAsync(article.Id, new FeedbackDraft(true), Ct))).Value!;

        second.VersionNumber.ShouldBe(2);
        second.Helpful.ShouldBe(new HelpfulCounts(1, 0));
        (await world.RunAsync(world.Agent, (k, _) => k.GetAsync(article.Id, Ct))).Value!.Usage!.NotHelpfulVotes.ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task Vote_WithoutAnswerOrOnADraft_RefusedAndNothingCounted(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var published = await world.PublishedAsync("Printer shows offline", "Body.");
        var draft = (await world.WriteAsync("Scanner", "Body.")).Value!;

        var missing = await world.RunAsync(world.Requester, (_, f) => f.VoteAsync(published.Id, new FeedbackDraft(null), Ct));
        var onDraft = await world.RunAsync(world.Agent, (_, f) => f.VoteAsync(draft.Id, new FeedbackDraft(true), Ct));

        missing.Error!.Fields!.Keys.ShouldBe(["helpful"]);
        onDraft.Error!.Code.ShouldBe("conflict");
    }

    [Theory, DatabaseData]
    public async Task Deflection_SolvedAbandonedAndRaisedSessions_CountsOnlyTheIncidentsNotRaised(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = await world.PublishedAsync("Printer shows offline", "Turn it off and on.");
        Guid solved = Guid.NewGuid(), abandoned = Guid.NewGuid(), raised = Guid.NewGuid();
        foreach (var session in new[] { solved, abandoned, raised })
        {
            (await world.RunAsync(world.Requester, (_, f) => f.RecordViewAsync(article.Id, new ViewDraft(session), Ct))).IsSuccess.ShouldBeTrue();
        }
        await world.RunAsync(world.Requester, (_, f) => f.SolvedAsync(solved, article.Id, Ct));
        var incident = (await world.Work.RaiseAsync(world.Requester, "Printer offline")).Value!;
        (await world.RunAsync(world.Requester, (_, f) => f.RaisedAsync(raised, incident.Id, Ct))).Value.ShouldBeTrue();

        var soon = (await world.RunAsync(world.Agent, (k, _) => k.GetAsync(article.Id, Ct))).Value!.Usage!;
        database.Time.Advance(KnowledgeSession.AbandonAfter);
        var later = (await world.RunAsync(world.Agent, (k, _) => k.GetAsync(article.Id, Ct))).Value!.Usage!;

        soon.Views.ShouldBe(3);
        soon.Deflections.ShouldBe(1);
        later.Deflections.ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task Solved_AnotherPersonsSession_NotFoundAndNotCounted(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = await world.PublishedAsync("Printer shows offline", "Turn it off and on.");
        var session = Guid.NewGuid();
        await world.RunAsync(world.Requester, (_, f) => f.RecordViewAsync(article.Id, new ViewDraft(session), Ct));

        var other = await world.RunAsync(world.Work.Requester2, (_, f) => f.SolvedAsync(session, article.Id, Ct));

        other.Error!.Code.ShouldBe("not_found");
        (await world.RunAsync(world.Agent, (k, _) => k.GetAsync(article.Id, Ct))).Value!.Usage!.Deflections.ShouldBe(0);
    }
}
