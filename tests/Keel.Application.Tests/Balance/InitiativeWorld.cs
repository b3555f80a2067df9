using Keel.Application.Balance;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Tests.Work;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Balance;

/// <summary>The service desk of <see cref="WorkWorld"/> with an IT leader and a second service owned by someone else.</summary>
internal sealed class InitiativeWorld
{
    public required WorkWorld Work { get; init; }
    public required TestUser Leader { get; init; }
    public required Service Network { get; init; }

    public TestDatabase Database => Work.Database;
    public TestUser Agent => Work.Agent;
    public TestUser Owner => Work.Owner;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<InitiativeWorld> CreateAsync(TestDatabase database)
    {
        var work = await WorkWorld.CreateAsync(database);
        var leader = await PlatformData.AddUserAsync(database, "leader");
        var otherOwner = await PlatformData.AddUserAsync(database, "netowner");
        var network = new Service { Name = "Network", OwnerId = otherOwner.Id, DeliveringTeamId = work.Field.Id, Lifecycle = ServiceLifecycle.Live };
        await using (var db = database.NewDbContext())
        {
            db.Add(network);
            await db.SaveChangesAsync(Ct);
        }
        return new InitiativeWorld { Work = work, Leader = new TestUser("leader", leader.Id, Roles.ItLeader), Network = network };
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<BalanceUseCases, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        var time = Database.Time;
        var work = new WorkItemService(db, user, time, new WorkViews(db, user, time), new WorkEffects(db));
        return await action(new BalanceUseCases(
            new InitiativeService(db, user, time), new WorkInvestmentService(db, user, time, work), new ActivityBalanceService(db, user)));
    }

    public Task<Result<InitiativeView>> ProposeAsync(
        ICurrentUser by, string name, InvestmentCategory category = InvestmentCategory.Grow, Guid? serviceId = null) =>
        RunAsync(by, u => u.Initiatives.CreateAsync(new InitiativeDraft(
            name, "We believe people will order through the portal.", serviceId ?? Work.Service.Id, category,
            "Fewer calls to the desk", "Calls per week", 120, "calls", 300, null), Ct));

    public Task<Result<InitiativeView>> MoveAsync(ICurrentUser by, string number, InitiativeStatus to) =>
        RunAsync(by, u => u.Initiatives.TransitionAsync(number, null, to, Ct));

    public async Task<Result<WorkInvestmentView>> ClassifyAsync(ICurrentUser by, string number, WorkInvestmentPatch patch)
    {
        var current = (await RunAsync(by, u => u.Investment.GetAsync(number, Ct))).Value!;
        return await RunAsync(by, u => u.Investment.UpdateAsync(number, current.Version, patch, Ct));
    }
}

internal sealed record BalanceUseCases(InitiativeService Initiatives, WorkInvestmentService Investment, ActivityBalanceService Activities);
