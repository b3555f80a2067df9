using Keel.Application.Knowledge;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Tests.Work;
using Keel.Domain.Knowledge;
using Keel.Domain.Platform;
using Keel.Domain.Services;

namespace Keel.Application.Tests.Knowledge;

/// <summary>
/// The <see cref="WorkWorld"/> (a live Workplace service offered to everyone, agents, requesters) plus a team lead who
/// approves articles and a second service, Payroll, that is still in the pipeline and so offered to no one.
/// </summary>
internal sealed class KnowledgeWorld
{
    private KnowledgeWorld(WorkWorld work, TestUser lead, Service payroll)
    {
        Work = work;
        Lead = lead;
        Payroll = payroll;
    }

    public WorkWorld Work { get; }
    public TestDatabase Database => Work.Database;
    public TestUser Agent => Work.Agent;
    public TestUser Requester => Work.Requester;
    public TestUser Lead { get; }
    public Service Workplace => Work.Service;
    public Service Payroll { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<KnowledgeWorld> CreateAsync(TestDatabase database)
    {
        var work = await WorkWorld.CreateAsync(database);
        var lead = await PlatformData.AddUserAsync(database, "lead");
        var payroll = new Service { Name = "Payroll", Description = "Salaries.", OwnerId = lead.Id, DeliveringTeamId = work.Desk.Id, Criticality = 2 };
        await using (var db = database.NewDbContext())
        {
            db.Add(payroll);
            await db.SaveChangesAsync(Ct);
        }
        return new KnowledgeWorld(work, new TestUser("lead", lead.Id, Roles.TeamLead), payroll);
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<KnowledgeService, KnowledgeFeedbackService, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        return await action(new KnowledgeService(db, user, Database.Time), new KnowledgeFeedbackService(db, user, Database.Time));
    }

    public Task<Result<ArticleView>> WriteAsync(string title, string body, Service? service = null, string? summary = null, params string[] tags) =>
        RunAsync(Agent, (k, _) => k.CreateAsync(new ArticleDraft(title, summary, body, tags, [(service ?? Workplace).Id]), Ct));

    /// <summary>Written by the agent, submitted, and published by the team lead.</summary>
    public async Task<ArticleView> PublishedAsync(string title, string body, Service? service = null, string? summary = null, params string[] tags)
    {
        var article = (await WriteAsync(title, body, service, summary, tags)).Value!;
        (await MoveAsync(Agent, article.Id, ArticleState.Review)).IsSuccess.ShouldBeTrue();
        return (await MoveAsync(Lead, article.Id, ArticleState.Published)).Value!;
    }

    public Task<Result<ArticleView>> MoveAsync(ICurrentUser by, Guid id, ArticleState to) =>
        RunAsync(by, (k, _) => k.TransitionAsync(id, null, new ArticleTransition(to), Ct));

    public async Task<IReadOnlyList<ArticleListItem>> SearchAsync(ICurrentUser by, string q) =>
        (await RunAsync(by, (k, _) => k.ListAsync(new ArticleFilter(q), new PageRequest(), Ct))).Value!.Items;
}
