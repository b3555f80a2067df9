using Keel.Application.Data;
using Keel.Application.Knowledge;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;

namespace Keel.Application.Tests.Knowledge;

public sealed class KnowledgeSearchTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Search_WordInOneTitleAndAnotherBody_TitleMatchRanksFirst(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var inBody = await world.PublishedAsync("Connect to the office network", "If the printer is missing, add it from Settings.");
        var inTitle = await world.PublishedAsync("Printer shows offline", "Turn it off and on, then check the cable.");
        await world.PublishedAsync("Reset your password", "Use the self-service page.");

        var hits = await world.SearchAsync(world.Agent, "printer");

        hits.Select(h => h.Id).ShouldBe([inTitle.Id, inBody.Id]);
        hits[0].Rank!.Value.ShouldBeGreaterThan(hits[1].Rank!.Value);
    }

    [Theory, DatabaseData]
    public async Task Search_SeveralWords_AllMustMatchAsPrefixes(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var both = await world.PublishedAsync("VPN drops on hotel wifi", "Switch the VPN protocol to TCP.");
        await world.PublishedAsync("VPN token reset", "Open the token app.");

        var hits = await world.SearchAsync(world.Agent, "vpn hote");

        hits.Select(h => h.Id).ShouldBe([both.Id]);
    }

    [Theory, DatabaseData]
    public async Task Search_PunctuationAndQuotes_TreatedAsWordsNotSyntax(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = await world.PublishedAsync("Outlook asks for the password again", "Remove the stored credential.");

        var hits = await world.SearchAsync(world.Agent, "\"outlook\" (password) -* : ^");

        hits.Select(h => h.Id).ShouldBe([article.Id]);
    }

    [Theory, DatabaseData]
    public async Task Search_EditedTitle_FoundByTheNewWordsOnly(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var article = (await world.WriteAsync("Scanner jams", "Open the tray.")).Value!;

        await world.RunAsync(world.Agent, (k, _) => k.UpdateAsync(article.Id, article.Version, new ArticlePatch(Title: "Copier jams"), Ct));

        (await world.SearchAsync(world.Agent, "scanner")).ShouldBeEmpty();
        (await world.SearchAsync(world.Agent, "copier")).Select(h => h.Id).ShouldBe([article.Id]);
    }

    [Theory, DatabaseData]
    public async Task Search_MoreHitsThanALimit_CursorPagesThroughTheRankingOnce(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        for (var i = 0; i < 5; i++)
        {
            await world.PublishedAsync($"Monitor flickers {i}", "Check the cable.");
        }

        var first = (await world.RunAsync(world.Agent, (k, _) => k.ListAsync(new ArticleFilter("monitor"), new PageRequest(3), Ct))).Value!;
        var second = (await world.RunAsync(world.Agent, (k, _) => k.ListAsync(new ArticleFilter("monitor"), new PageRequest(3, first.NextCursor), Ct))).Value!;

        first.Items.Count.ShouldBe(3);
        second.Items.Count.ShouldBe(2);
        second.NextCursor.ShouldBeNull();
        first.Items.Concat(second.Items).Select(i => i.Id).Distinct().Count().ShouldBe(5);
    }

    [Theory, DatabaseData]
    public async Task Suggest_HalfWrittenIncident_PublishedArticlesMatchingAnyTellingWord(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await KnowledgeWorld.CreateAsync(database);
        var printer = await world.PublishedAsync("Printer shows offline", "Turn it off and on.");
        await world.WriteAsync("Printer driver draft", "Not yet reviewed.");
        await world.PublishedAsync("Reset your password", "Use the self-service page.");

        var suggested = (await world.RunAsync(world.Requester, (k, _) => k.SuggestAsync("My printer does not work", null, Ct))).Value!;

        suggested.Select(s => s.Id).ShouldBe([printer.Id]);
    }
}
