using Keel.Application.Changes;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Tests.Demo;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Changes;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Changes;

/// <summary>The demo's year of changes, on the work history's seeded template (3,000 work items: 150 changes).</summary>
public sealed class ChangesSeedTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateTime Now => TestDatabase.Start.UtcDateTime;

    [Theory, DatabaseData]
    public async Task Demo_Seeded_ChangesOfEveryTypeStandardOnesFromTemplatesAllPlannedAndAssessed(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var changes = await ChangesAsync(db);

        changes.Count.ShouldBe(ChangesStep.ChangesFor(WorkHistorySeedTests.Items));
        (await db.Set<ChangeTemplate>().CountAsync(Ct)).ShouldBeGreaterThanOrEqualTo(8);
        Share(changes, c => c.Record.Type == ChangeType.Standard).ShouldBeInRange(0.45, 0.65);
        Share(changes, c => c.Record.Type == ChangeType.Emergency).ShouldBeInRange(0.02, 0.14);
        changes.Where(c => c.Record.Type == ChangeType.Standard).ShouldAllBe(c => c.Record.TemplateId != null);
        changes.Where(c => c.Record.Type != ChangeType.Standard).ShouldAllBe(c => c.Record.TemplateId == null);
        changes.ShouldAllBe(c => c.Record.Reason != "" && c.Record.ImplementationPlan != "" && c.Record.BackoutPlan != "" && c.Record.TestPlan != ""
                                 && c.Record.PlannedStart < c.Record.PlannedEnd && c.Record.Risk != null);
        new[] { WorkState.Draft, WorkState.Assess, WorkState.Authorize, WorkState.Scheduled, WorkState.Closed, WorkState.Cancelled }
            .ShouldBeSubsetOf(changes.Select(c => c.Item.State).Distinct());
        changes.Where(c => c.Item.CreatedAt < Now.AddDays(-60)).ShouldAllBe(c => c.Item.State == WorkState.Closed || c.Item.State == WorkState.Cancelled);
        (await db.Set<ChangeWindow>().CountAsync(w => w.Kind == ChangeWindowKind.Maintenance && w.Weekly != null, Ct)).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_RiskIsTheDomainRuleAndEveryMoveIsInTheHistory(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var changes = await ChangesAsync(db);
        var events = (await db.Set<WorkEvent>().Where(e => db.Set<WorkItem>().Any(w => w.Id == e.WorkItemId && w.Kind == WorkKind.Change)).ToListAsync(Ct))
            .ToLookup(e => e.WorkItemId);

        foreach (var (item, record) in changes)
        {
            ChangeRisk.LevelOf(record.RiskScore!.Value).ShouldBe(record.Risk!.Value, item.Number);
            var state = WorkState.Draft;
            foreach (var move in events[item.Id].OrderBy(e => e.Id).Where(e => e.Type == WorkEventType.StateChanged))
            {
                move.From.ShouldBe(state.ToString(), item.Number);
                var to = Enum.Parse<WorkState>(move.To!);
                ChangeFlow.Allowed(record.Type, state, Mover.System).Concat(ChangeFlow.Allowed(record.Type, state, Mover.Agent)).ShouldContain(to, $"{item.Number}: {state} → {to}");
                state = to;
            }
            item.State.ShouldBe(state, item.Number);
            item.UpdatedAt.ShouldBe(events[item.Id].Max(e => e.At), item.Number);
        }
        // A standard change's questionnaire is all routine; a critical service or its team's failures can still raise it to medium.
        Share(changes.Where(c => c.Record.Type == ChangeType.Standard).ToList(), c => c.Record.Risk == RiskLevel.Low).ShouldBeGreaterThan(0.8);
        changes.Count(c => c.Record.Risk == RiskLevel.High).ShouldBeGreaterThan(0);
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_ClosedChangesHaveOutcomesFailingMoreOftenAtHighRisk(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var closed = (await ChangesAsync(db)).Where(c => c.Item.State == WorkState.Closed).ToList();

        closed.ShouldAllBe(c => c.Record.ReviewOutcome != null && c.Record.ActualStart < c.Record.ActualEnd && c.Item.ClosedAt >= c.Record.ActualEnd);
        closed.Where(c => c.Record.ReviewOutcome!.Value.IsFailure()).ShouldAllBe(c => !string.IsNullOrEmpty(c.Record.ReviewNote));
        // 150 changes are a small sample of the demo's 2,000: the ranges are a little wider than the demo's 5–8 % and 5–10 %.
        Share(closed, c => c.Record.ReviewOutcome!.Value.IsFailure()).ShouldBeInRange(0.04, 0.10);
        Share(closed, c => c.Record.ReviewOutcome == ReviewOutcome.SuccessfulWithIssues).ShouldBeInRange(0.04, 0.14);
        var high = closed.Where(c => c.Record.Risk == RiskLevel.High).ToList();
        var low = closed.Where(c => c.Record.Risk == RiskLevel.Low).ToList();
        Share(high, c => c.Record.ReviewOutcome!.Value.IsFailure()).ShouldBeGreaterThan(Share(low, c => c.Record.ReviewOutcome!.Value.IsFailure()));
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_FailedChangesLinkedToTheIncidentsThatFollowedOnTheirService(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var changes = await ChangesAsync(db);
        var caused = await db.Set<WorkLink>().Where(l => l.Type == WorkLinkType.CausedBy)
            .Join(db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Incident), l => l.FromId, w => w.Id, (l, w) => new { l.ToId, w.ServiceId, w.CreatedAt })
            .ToListAsync(Ct);
        var byChange = caused.ToLookup(c => c.ToId);

        var failed = changes.Where(c => c.Record.ReviewOutcome is { } o && o.IsFailure()).ToList();
        failed.ShouldNotBeEmpty();
        foreach (var (item, record) in failed)
        {
            var incidents = byChange[item.Id].ToList();
            incidents.Count.ShouldBeInRange(1, 3, item.Number);
            incidents.ShouldAllBe(i => i.ServiceId == item.ServiceId && i.CreatedAt > record.ActualEnd && i.CreatedAt < record.ActualEnd!.Value.AddDays(8), item.Number);
        }
        changes.Where(c => c.Record.ReviewOutcome == ReviewOutcome.Successful).ShouldAllBe(c => !byChange[c.Item.Id].Any());
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_StatsShowDifferentSuccessRatesPerTeam(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var manager = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.ChangeManager, Ct);

        var stats = (await new ChangeStatsService(db, new TestUser(DemoAccounts.ChangeManager, manager.Id, Roles.ChangeManager))
            .GetAsync(Now.AddDays(-365), Now, ChangeStatsGroup.Team, Ct)).Value.ShouldNotBeNull();

        stats.Total.Closed.ShouldBeGreaterThan(100);
        var rates = stats.Groups.Where(g => g.Closed >= 5).Select(g => g.SuccessRate!.Value).ToList();
        rates.Count.ShouldBeGreaterThanOrEqualTo(4);
        (rates.Max() - rates.Min()).ShouldBeGreaterThanOrEqualTo(0.1);
        stats.Total.Emergency.ShouldBeGreaterThan(0);
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_ApprovalsFromTheAuthorityNeverTheRequesterOrAssigneeSomeStillPending(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var changes = (await ChangesAsync(db)).ToDictionary(c => c.Item.Id);
        var approvals = await db.Set<Approval>().Where(a => db.Set<WorkItem>().Any(w => w.Id == a.WorkItemId && w.Kind == WorkKind.Change)).ToListAsync(Ct);
        var names = await db.Users.ToDictionaryAsync(u => u.Id, u => u.UserName, Ct);

        approvals.ShouldNotBeEmpty();
        foreach (var approval in approvals)
        {
            var (item, _) = changes[approval.WorkItemId];
            approval.ApproverId.ShouldNotBe(item.RequesterId, item.Number);
            approval.ApproverId.ShouldNotBe(item.AssigneeId ?? Guid.Empty, item.Number);
            names[approval.ApproverId].ShouldBeOneOf(DemoAccounts.ChangeManager, DemoAccounts.Cab, DemoAccounts.Cab2);
        }
        foreach (var (item, record) in changes.Values.Where(c => c.Record.Type != ChangeType.Standard && c.Item.State is WorkState.Scheduled or WorkState.Implement or WorkState.Review or WorkState.Closed))
        {
            record.Authority.ShouldBe(ChangeAuthorization.AuthorityFor(record.Type, record.Risk!.Value), item.Number);
            approvals.Count(a => a.WorkItemId == item.Id && a.State == ApprovalState.Approved).ShouldBeGreaterThanOrEqualTo(record.Quorum!.Value, item.Number);
        }
        var pending = approvals.Where(a => a.State == ApprovalState.Pending).ToList();
        pending.ShouldAllBe(a => changes[a.WorkItemId].Item.State == WorkState.Authorize);
        pending.Select(a => names[a.ApproverId]).ShouldContain(DemoAccounts.ChangeManager);
        pending.Select(a => names[a.ApproverId]).ShouldContain(DemoAccounts.Cab);
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_CalendarOfTheNextFourWeeksHasScheduledChangesAnOverlapAndAJustifiedFreeze(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var manager = await db.Users.SingleAsync(u => u.UserName == DemoAccounts.ChangeManager, Ct);
        var records = await db.Set<ChangeRecord>().ToDictionaryAsync(r => r.WorkItemId, Ct);

        var calendar = (await new ChangeCalendarService(db, new TestUser(DemoAccounts.ChangeManager, manager.Id, Roles.ChangeManager))
            .CalendarAsync(Now, Now.AddDays(28), Ct)).Value.ShouldNotBeNull();

        calendar.Changes.Count.ShouldBeGreaterThanOrEqualTo(5);
        var conflicts = calendar.Changes.SelectMany(c => c.Conflicts.Select(k => (Change: c, k.Kind))).ToList();
        conflicts.Count(c => c.Kind == ConflictKind.Overlap).ShouldBeGreaterThanOrEqualTo(2, "each of the pair overlaps the other");
        var frozen = conflicts.Where(c => c.Kind == ConflictKind.Freeze).Select(c => c.Change).ToList();
        frozen.ShouldNotBeEmpty();
        frozen.ShouldAllBe(c => !string.IsNullOrEmpty(records[c.Id].FreezeOverride));
        conflicts.Count(c => c.Kind != ConflictKind.Freeze).ShouldBeLessThanOrEqualTo(4, "apart from the deliberate ones the schedule is clean");
        calendar.Freezes.ShouldContain(f => f.Name == DemoChangeWindows.LaunchFreeze);
        calendar.Maintenance.Count.ShouldBeGreaterThanOrEqualTo(4 * 4, "four Sunday windows a week and the network's on Saturday");
    }

    private static async Task<List<(WorkItem Item, ChangeRecord Record)>> ChangesAsync(KeelDb db) =>
        (await db.Set<WorkItem>().AsNoTracking().Where(w => w.Kind == WorkKind.Change)
            .Join(db.Set<ChangeRecord>().AsNoTracking(), w => w.Id, r => r.WorkItemId, (w, r) => new { w, r }).ToListAsync(Ct))
        .Select(x => (x.w, x.r)).ToList();

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : items.Count(predicate) / (double)items.Count;
}
