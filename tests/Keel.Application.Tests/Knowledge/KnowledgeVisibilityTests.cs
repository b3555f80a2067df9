using Keel.Application.Data;
using Keel.Application.Knowledge;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Knowledge;
using Keel.Domain.Platform;

namespace Keel.Application.Tests.Knowledge;

public sealed class KnowledgeVisibilityTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task List_Requester_SeesOnlyPublishedArticlesAboutServicesOfferedToThem(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var published = await world.PublishedAsync("Printer shows offline", "Turn it off and on.");
        await world.WriteAsync("Printer draft", "Not reviewed.");
        await world.PublishedAsync("Payslip missing", "Ask payroll.", world.Payroll);
        var retired = await world.PublishedAsync("Old printer", "Gone.");
        await world.MoveAsync(world.Lead, retired.Id, ArticleState.Retired);

        var seen = (await world.RunAsync(world.Requester, (k, _) => k.ListAsync(new ArticleFilter(), new PageRequest(), Ct))).Value!.Items;
        var staff = (await world.RunAsync(world.Agent, (k, _) => k.ListAsync(new ArticleFilter(), new PageRequest(), Ct))).Value!.Items;

        seen.Select(a => a.Id).ShouldBe([published.Id]);
        staff.Count.ShouldBe(4);
    }

    [Theory, DatabaseData]
    public async Task Get_PublishedArticleBeingRevised_RequesterReadsThePublishedVersionStaffTheDraft(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = await world.PublishedAsync("Printer shows offline", "Version one.");

        var edited = await world.RunAsync(world.Agent, (k, _) => k.UpdateAsync(article.Id, article.Version, new ArticlePatch(Body: "Version two, not approved."), Ct));
        var requesterView = (await world.RunAsync(world.Requester, (k, _) => k.GetAsync(article.Id, Ct))).Value!;
        var staffView = (await world.RunAsync(world.Agent, (k, _) => k.GetAsync(article.Id, Ct))).Value!;

        edited.Value!.State.ShouldBe(ArticleState.Draft);
        requesterView.Body.ShouldBe("Version one.");
        requesterView.Usage.ShouldBeNull();
        staffView.Body.ShouldBe("Version two, not approved.");
        staffView.PublishedNumber.ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task Get_RequesterAndDraftOrUnofferedService_NotFound(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var draft = (await world.WriteAsync("Printer draft", "Not reviewed.")).Value!;
        var payroll = await world.PublishedAsync("Payslip missing", "Ask payroll.", world.Payroll);

        (await world.RunAsync(world.Requester, (k, _) => k.GetAsync(draft.Id, Ct))).Error!.Code.ShouldBe("not_found");
        (await world.RunAsync(world.Requester, (k, _) => k.GetAsync(payroll.Id, Ct))).Error!.Code.ShouldBe("not_found");
    }

    [Theory, DatabaseData]
    public async Task Transition_AgentPublishesSomeoneElsesArticle_ForbiddenButOwnerMay(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = (await world.RunAsync(world.Agent, (k, _) => k.CreateAsync(
            new ArticleDraft("Printer", null, "Body.", null, [world.Workplace.Id], OwnerId: world.Work.Agent2.UserId), Ct))).Value!;
        await world.MoveAsync(world.Agent, article.Id, ArticleState.Review);

        var byAgent = await world.MoveAsync(world.Agent, article.Id, ArticleState.Published);
        var byOwner = await world.MoveAsync(world.Work.Agent2, article.Id, ArticleState.Published);

        byAgent.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        byOwner.Value!.State.ShouldBe(ArticleState.Published);
    }

    [Theory, DatabaseData]
    public async Task Versions_PublishedTwice_HistoryKeepsBothBodies(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = await world.PublishedAsync("Printer shows offline", "Version one.");
        await world.RunAsync(world.Agent, (k, _) => k.UpdateAsync(article.Id, article.Version, new ArticlePatch(Body: "Version two."), Ct));
        await world.MoveAsync(world.Agent, article.Id, ArticleState.Review);
        await world.MoveAsync(world.Lead, article.Id, ArticleState.Published);

        var versions = (await world.RunAsync(world.Requester, (k, _) => k.VersionsAsync(article.Id, new PageRequest(), Ct))).Value!.Items;

        versions.Select(v => (v.Number, v.Body)).ShouldBe([(2, "Version two."), (1, "Version one.")]);
        versions[0].PublishedBy!.Name.ShouldBe("lead");
    }

    [Theory, DatabaseData]
    public async Task Update_StaleVersion_ConcurrencyConflictAndFirstEditKept(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = (await world.WriteAsync("Printer", "Body.")).Value!;

        await world.RunAsync(world.Agent, (k, _) => k.UpdateAsync(article.Id, article.Version, new ArticlePatch(Title: "First"), Ct));
        var stale = await world.RunAsync(world.Agent, (k, _) => k.UpdateAsync(article.Id, article.Version, new ArticlePatch(Title: "Second"), Ct));

        stale.Error!.Code.ShouldBe("concurrency_conflict");
        (await world.RunAsync(world.Agent, (k, _) => k.GetAsync(article.Id, Ct))).Value!.Title.ShouldBe("First");
    }

    [Theory, DatabaseData]
    public async Task Create_NoServiceNoTitleAndRequester_FieldErrorsOrForbidden(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);

        var invalid = await world.RunAsync(world.Agent, (k, _) => k.CreateAsync(new ArticleDraft(" ", null, "Body.", null, []), Ct));
        var requester = await world.RunAsync(world.Requester, (k, _) => k.CreateAsync(new ArticleDraft("Mine", null, "Body.", null, [world.Workplace.Id]), Ct));

        invalid.Error!.Fields!.Keys.ShouldBe(["title", "serviceIds"], ignoreOrder: true);
        requester.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }
}
