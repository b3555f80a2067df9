using Keel.Application.Data;
using Keel.Application.Knowledge;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Knowledge;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Knowledge;

public sealed class KnowledgeSeedTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Demo_Seeded_ThreeHundredArticlesMostPublishedEachWithItsVersions(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();

        var articles = await db.Set<KnowledgeArticle>().AsNoTracking().ToListAsync(Ct);
        var versions = await db.Set<KnowledgeVersion>().AsNoTracking().GroupBy(v => v.ArticleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, Ct);

        // The problem step publishes its known errors besides.
        var knownErrors = articles.Where(a => a.KnownErrorId != null).ToList();
        knownErrors.ShouldNotBeEmpty();
        knownErrors.ShouldAllBe(a => a.IsReadable && a.Body.Contains("## Workaround"));
        articles = [.. articles.Except(knownErrors)];
        articles.Count.ShouldBe(300);
        articles.Count(a => a.IsReadable).ShouldBeInRange(200, 280);
        articles.ShouldContain(a => a.State == ArticleState.Draft && a.PublishedNumber == null);
        articles.ShouldContain(a => a.State == ArticleState.Retired);
        articles.ShouldContain(a => a.PublishedNumber == 2);
        articles.Where(a => a.PublishedNumber is not null).ShouldAllBe(a => versions[a.Id] == a.PublishedNumber);
        (await db.Set<KnowledgeFeedback>().CountAsync(Ct)).ShouldBeGreaterThan(300);
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_SearchFindsTheBulkInsertedArticles(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        Guid agentId;
        await using (var db = database.NewDbContext())
        {
            agentId = await db.Users.Where(u => u.UserName == "agent").Select(u => u.Id).SingleAsync(Ct);
        }
        var agent = new TestUser("agent", agentId, Roles.Agent);
        await using var read = database.NewDbContext(agent);

        var hits = (await new KnowledgeService(read, agent, database.Time).ListAsync(new ArticleFilter("outlook password"), new PageRequest(5), Ct)).Value!.Items;

        hits.Select(h => h.Title).ShouldBe(["Outlook keeps asking for the password"]);
    }
}
