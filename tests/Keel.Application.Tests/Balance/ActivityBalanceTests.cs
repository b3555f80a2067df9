using Keel.Application.Data;
using Keel.Application.Balance;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class ActivityBalanceTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Distribution_LoggedHours_MatchLogsGroupedByTheirWorksActivity(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        var engage = (await world.Work.RaiseAsync(world.Agent, "Still new")).Value!.Number;
        var support = (await world.Work.RaiseAsync(world.Agent, "Being worked")).Value!.Number;
        await world.Work.MoveAsync(world.Agent, support, new TransitionRequest(WorkState.InProgress));
        var plan = (await world.Work.RaiseAsync(world.Agent, "Planning")).Value!.Number;
        await world.ClassifyAsync(world.Agent, plan, new WorkInvestmentPatch(ValueChainActivity: new(true, ValueChainActivity.Plan)));
        var agent = world.Agent.UserId!.Value;
        var outsider = world.Owner.UserId!.Value; // not a member of the desk team
        var random = new Random(8);
        await using (var db = database.NewDbContext())
        {
            var items = await db.Set<WorkItem>().Select(w => w.Id).ToListAsync(Ct);
            for (var i = 0; i < 40; i++)
            {
                db.Add(new WorkLog
                {
                    WorkItemId = items[random.Next(items.Count)], PersonId = i % 3 == 0 ? outsider : agent,
                    Minutes = random.Next(5, 240), Date = new DateOnly(2026, 2, 20).AddDays(random.Next(0, 12)),
                });
            }
            await db.SaveChangesAsync(Ct);
        }
        var from = new DateOnly(2026, 2, 23);
        var to = new DateOnly(2026, 3, 2);

        var all = (await world.RunAsync(world.Leader, u => u.Activities.DistributionAsync(from, to, null, Ct))).Value!;
        var desk = (await world.RunAsync(world.Leader, u => u.Activities.DistributionAsync(from, to, world.Work.Desk.Id, Ct))).Value!;

        await using var check = database.NewDbContext();
        var logs = await check.Set<WorkLog>().ToListAsync(Ct);
        var activity = await check.Set<WorkItem>().ToDictionaryAsync(w => w.Id, w => w.ValueChainActivity, Ct);
        void ShouldMatch(ActivityDistribution result, Func<WorkLog, bool> whose)
        {
            var inPeriod = logs.Where(l => l.Date >= from && l.Date < to && whose(l)).ToList();
            result.Activities.Select(a => a.Activity).ShouldBe(Enum.GetValues<ValueChainActivity>());
            foreach (var share in result.Activities)
            {
                var mine = inPeriod.Where(l => activity[l.WorkItemId] == share.Activity).ToList();
                share.Hours.ShouldBe(mine.Sum(l => l.Minutes) / 60.0, 1e-9);
                share.Items.ShouldBe(mine.Select(l => l.WorkItemId).Distinct().Count());
            }
            result.TotalHours.ShouldBe(inPeriod.Sum(l => l.Minutes) / 60.0, 1e-9);
            result.Activities.Sum(a => a.Share).ShouldBe(result.TotalHours > 0 ? 1 : 0, 1e-9);
        }
        ShouldMatch(all, _ => true);
        ShouldMatch(desk, l => l.PersonId == agent);
        desk.TotalHours.ShouldBeLessThan(all.TotalHours);
        all.Activities.Count(a => a.Hours > 0).ShouldBe(3);
        _ = engage;
    }

    [Theory, DatabaseData]
    public async Task Distribution_AgentOrBadPeriod_Refused(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);

        var agent = await world.RunAsync(world.Agent, u => u.Activities.DistributionAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), null, Ct));
        var backwards = await world.RunAsync(world.Leader, u => u.Activities.DistributionAsync(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), Guid.NewGuid(), Ct));

        agent.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        backwards.Error!.Fields!.Keys.ShouldBe(["to", "teamId"], ignoreOrder: true);
    }
}
