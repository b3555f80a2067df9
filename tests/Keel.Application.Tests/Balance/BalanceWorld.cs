using Keel.Application.Balance;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Work;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

/// <summary>The service desk of <see cref="WorkWorld"/> with an IT leader, and helpers that seed work of a category and log time on it.</summary>
internal sealed class BalanceWorld
{
    public required WorkWorld Work { get; init; }
    public TestUser Leader { get; } = new("leader", Guid.NewGuid(), Roles.ItLeader);

    public TestDatabase Database => Work.Database;

    /// <summary>Every log seeded, to recompute the balance independently of the service.</summary>
    public List<(WorkLog Log, InvestmentCategory Category, Guid? ItemTeam)> Logs { get; } = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<BalanceWorld> CreateAsync(TestDatabase database) => new() { Work = await WorkWorld.CreateAsync(database) };

    public async Task<RecordedItem> ItemAsync(string title, InvestmentCategory category, Guid? teamId)
    {
        var number = (await Work.RunAsync(Work.Agent, u => u.Incidents.CreateAsync(
            new IncidentDraft(title, null, Work.Service.Id, null, "requester", 2, 2, null), Ct))).Value!.Number;
        await using var db = Database.NewDbContext();
        var item = await db.Set<WorkItem>().SingleAsync(w => w.Number == number, Ct);
        (item.InvestmentCategory, item.InvestmentCategoryByHand, item.TeamId) = (category, true, teamId);
        await db.SaveChangesAsync(Ct);
        return new RecordedItem(item.Id, number, category, teamId);
    }

    public async Task LogAsync(TestUser person, RecordedItem item, DateOnly date, int minutes)
    {
        var log = new WorkLog { WorkItemId = item.Id, PersonId = person.UserId!.Value, Date = date, Minutes = minutes, CreatedAt = Database.Time.GetUtcNow().UtcDateTime };
        await using var db = Database.NewDbContext();
        db.Add(log);
        await db.SaveChangesAsync(Ct);
        Logs.Add((log, item.Category, item.TeamId));
    }

    public Task<T> RunAsync<T>(ICurrentUser user, Func<BalanceService, CapacityTargetService, Task<T>> action) =>
        RunInAsync(user, async db => await action(new BalanceService(db, user, Database.Time), new CapacityTargetService(db, user, Database.Time)));

    public async Task<T> RunInAsync<T>(ICurrentUser user, Func<Keel.Application.Data.KeelDb, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        return await action(db);
    }

    public Task<Result<(CapacityTargetView Target, bool Created)>> SetTargetAsync(
        string period, decimal run, decimal debt, decimal grow, decimal transform, decimal tolerance, Guid? teamId = null, long? version = null) =>
        RunAsync(Leader, (_, targets) => targets.PutAsync(Months.Parse(period)!.Value, teamId, new CapacityTargetDraft(run, debt, grow, transform, tolerance), version, Ct));
}

internal sealed record RecordedItem(Guid Id, string Number, InvestmentCategory Category, Guid? TeamId);
