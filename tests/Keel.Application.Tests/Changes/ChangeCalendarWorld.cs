using Keel.Application.Changes;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;

namespace Keel.Application.Tests.Changes;

/// <summary>
/// A service with two CIs, a change manager, an agent and a requester; changes are inserted directly (work item,
/// change record and targets) as the change-enablement use cases would leave them.
/// </summary>
internal sealed class ChangeCalendarWorld
{
    private static long _sequence = 900_000;

    public required TestDatabase Database { get; init; }
    public required Service Payroll { get; init; }
    public required ConfigurationItem Db01 { get; init; }
    public required ConfigurationItem Web01 { get; init; }
    public required TestUser ChangeManager { get; init; }
    public required TestUser Agent { get; init; }
    public required TestUser Requester { get; init; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static DateTime At(int day, int hour) => new(2026, 3, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task<ChangeCalendarWorld> CreateAsync(TestDatabase database)
    {
        var manager = await PlatformData.AddUserAsync(database, "changemgr");
        var agent = await PlatformData.AddUserAsync(database, "agent");
        var requester = await PlatformData.AddUserAsync(database, "requester");
        var team = new Team { Name = "Platform" };
        var payroll = new Service { Name = "Payroll", Description = "Pays people.", OwnerId = manager.Id, DeliveringTeamId = team.Id, Lifecycle = ServiceLifecycle.Live, Criticality = 1 };
        var db01 = new ConfigurationItem { Name = "db01", Type = CiTypes.Server };
        var web01 = new ConfigurationItem { Name = "web01", Type = CiTypes.Server };
        await using var db = database.NewDbContext();
        db.AddRange(team, payroll, db01, web01);
        await db.SaveChangesAsync(Ct);
        return new ChangeCalendarWorld
        {
            Database = database, Payroll = payroll, Db01 = db01, Web01 = web01,
            ChangeManager = new TestUser("changemgr", manager.Id, Roles.ChangeManager),
            Agent = new TestUser("agent", agent.Id, Roles.Agent),
            Requester = new TestUser("requester", requester.Id, Roles.Requester),
        };
    }

    /// <summary>Inserts a change in <paramref name="state"/> planned for [start, end) on the given CIs (and the Payroll service).</summary>
    public async Task<WorkItem> AddChangeAsync(string title, DateTime start, DateTime end, WorkState state = WorkState.Scheduled, params ConfigurationItem[] cis)
    {
        var item = new WorkItem
        {
            Kind = WorkKind.Change, Number = WorkNumber.Format(WorkKind.Change, Interlocked.Increment(ref _sequence)), Title = title,
            ServiceId = Payroll.Id, RequesterId = ChangeManager.UserId!.Value, State = state,
            CreatedAt = Database.Time.GetUtcNow().UtcDateTime, UpdatedAt = Database.Time.GetUtcNow().UtcDateTime,
        };
        await using var db = Database.NewDbContext();
        db.Add(item);
        db.Add(new ChangeRecord { WorkItemId = item.Id, Reason = "Patching.", PlannedStart = start, PlannedEnd = end });
        db.AddRange(cis.Select(ci => new ChangeTarget { ChangeId = item.Id, ConfigurationItemId = ci.Id }));
        await db.SaveChangesAsync(Ct);
        return item;
    }

    public async Task<T> RunAsync<T>(ICurrentUser user, Func<CalendarUseCases, Task<T>> action)
    {
        await using var db = Database.NewDbContext(user);
        return await action(new CalendarUseCases(
            new ChangeWindowService(db, user), new ChangeCalendarService(db, user),
            new ChangeScheduleService(db, user, Database.Time), new CalendarFeedService(db, user, Database.Time)));
    }

    public Task<Result<ChangeWindowView>> AddFreezeAsync(string name, DateTime start, DateTime end, params Guid[] services) =>
        RunAsync(ChangeManager, u => u.Windows.CreateAsync(new ChangeWindowDraft(ChangeWindowKind.Freeze, name, "Quiet period.", start, end, null, services, null), Ct));
}

internal sealed record CalendarUseCases(ChangeWindowService Windows, ChangeCalendarService Calendar, ChangeScheduleService Schedule, CalendarFeedService Feeds);
