using Keel.Application.Balance;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Tests.Problems;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Balance;

/// <summary>The service desk of <see cref="ProblemWorld"/> with a second service (owned by someone else) and an IT leader.</summary>
internal sealed class DebtWorld
{
    public required ProblemWorld Problems { get; init; }
    public required Service OtherService { get; init; }
    public required TestUser Leader { get; init; }

    public TestDatabase Database => Problems.Database;
    public Service Service => Problems.Work.Service;
    public TestUser Owner => Problems.Work.Owner;
    public TestUser Agent => Problems.Agent;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<DebtWorld> CreateAsync(TestDatabase database)
    {
        var problems = await ProblemWorld.CreateAsync(database);
        var leader = await PlatformData.AddUserAsync(database, "leader");
        var other = new Service
        {
            Name = "Payroll", Description = "Salaries.", OwnerId = leader.Id, DeliveringTeamId = problems.Work.Field.Id, Lifecycle = ServiceLifecycle.Live,
        };
        await using (var db = database.NewDbContext())
        {
            db.Add(other);
            await db.SaveChangesAsync(Ct);
        }
        return new DebtWorld { Problems = problems, OtherService = other, Leader = new TestUser("leader", leader.Id, Roles.ItLeader) };
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<TechDebtService, TechDebtRegister, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        var reader = new DebtInterestReader(db, Database.Time);
        return await action(new TechDebtService(db, user, Database.Time, reader), new TechDebtRegister(db, user, reader));
    }

    public Task<Result<TechDebtView>> CreateAsync(
        ICurrentUser by, string title, double remediation, double? manual = null, Guid? serviceId = null, Guid? payoffChangeId = null) =>
        RunAsync(by, (s, _) => s.CreateAsync(new TechDebtDraft(title, "Why it hurts.", serviceId ?? Service.Id, null, remediation, manual, DebtRisk.High,
            PayoffChangeId: payoffChangeId), Ct));

    public Task<Result<TechDebtView>> LinkAsync(ICurrentUser by, string debt, string number) =>
        RunAsync(by, (s, _) => s.LinkAsync(debt, new DebtLinkDraft(null, number), Ct));

    /// <summary>Logs <paramref name="minutes"/> on the work item with that number on that day, straight into the table.</summary>
    public async Task LogAsync(string number, DateOnly date, int minutes)
    {
        await using var db = Database.NewDbContext();
        var id = db.Set<WorkItem>().Single(w => w.Number == number).Id;
        db.Add(new WorkLog { WorkItemId = id, PersonId = Agent.UserId!.Value, Minutes = minutes, Date = date, CreatedAt = Database.Time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A change on the world's service, written straight into the table.</summary>
    public async Task<WorkItem> ChangeAsync(string number, InvestmentCategory? byHand = null)
    {
        var change = new WorkItem
        {
            Kind = WorkKind.Change, Number = number, Title = "Replace the sync job", ServiceId = Service.Id, RequesterId = Owner.UserId!.Value,
            State = WorkState.Draft, ValueChainActivity = ValueChainActivity.DesignAndTransition,
            InvestmentCategory = byHand ?? InvestmentCategory.Run, InvestmentCategoryByHand = byHand is not null,
            CreatedAt = Database.Time.GetUtcNow().UtcDateTime, UpdatedAt = Database.Time.GetUtcNow().UtcDateTime,
        };
        await using var db = Database.NewDbContext();
        db.Add(change);
        await db.SaveChangesAsync(Ct);
        return change;
    }
}
