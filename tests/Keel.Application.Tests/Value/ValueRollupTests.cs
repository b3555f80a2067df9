using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Value;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Value;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Value;

public sealed class ValueRollupTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Job_TimeLoggedThroughTheUseCase_AddsExactlyItsMinutesTimesTheRateAndEqualsARecountFromScratch(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ValueWorld.CreateAsync(database);
        await world.StoryAsync();
        await world.JobAsync();
        var before = (await world.RowAsync(ValueWorld.March3)).ShouldNotBeNull();

        database.Time.Advance(TimeSpan.FromMinutes(10));
        await world.LogAsync(world.Work.Agent, world.C, 50, ValueWorld.March3);
        database.Time.Advance(TimeSpan.FromMinutes(5));
        await world.JobAsync();

        var after = (await world.RowAsync(ValueWorld.March3)).ShouldNotBeNull();
        after.ShouldBe(before with
        {
            LabourMinutes = before.LabourMinutes + 50,
            LabourMinor = before.LabourMinor + 5104, // 50 min × 61.25 an hour = 51.041…, to the cent
        });
        var incremental = await world.TableAsync();
        await world.RebuildAllAsync();
        var fromScratch = await world.TableAsync();
        incremental.Days.ShouldBe(fromScratch.Days);
        incremental.Units.ShouldBe(fromScratch.Units);
    }

    [Theory, DatabaseData]
    public async Task Job_TheStory_EveryFigureEqualsItsCountFromTheRawRecords(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ValueWorld.CreateAsync(database);
        await world.StoryAsync();

        await world.JobAsync();

        var (days, units) = await world.TableAsync();
        var expected = await ValueRecount.CountAsync(database);
        days.ShouldBe(expected.Days);
        units.ShouldBe(expected.Units);
        // The story puts something into every figure, so none of them is compared as zero against zero.
        var every = new Func<DayRow, long>[]
        {
            d => d.Raised, d => d.Resolved, d => d.FirstContact, d => d.Interactions, d => d.ResolutionMet, d => d.ResolutionBreached,
            d => d.SlaMet, d => d.SlaBreached, d => d.SurveysSent, d => d.Responses, d => d.RatingSum, d => d.LabourMinutes, d => d.LabourMinor,
        };
        every.ShouldAllBe(figure => days.Sum(figure) > 0);
        var march2 = days.Single(d => d.Day == ValueWorld.March2);
        // A, B and the laptop request raised; A at first contact, B after a wait on the caller who replied once; the merged duplicate D left out.
        (march2.Raised, march2.Resolved, march2.FirstContact, march2.Interactions).ShouldBe((3, 2, 1, 3));
        (march2.LabourMinutes, march2.LabourMinor).ShouldBe((30 + 45 + 20 + 7, 3063 + 4594 + 0 + 715));
        var march3 = days.Single(d => d.Day == ValueWorld.March3);
        (march3.Raised, march3.Resolved, march3.SlaBreached, march3.ResolutionBreached).ShouldBe((1, 1, 2, 1));
        units.Select(u => (u.Day, u.BusinessUnitId == world.Finance.Id ? "Finance" : "Sales", u.Raised))
            .ShouldBe([(ValueWorld.March2, "Sales", 2), (ValueWorld.March2, "Finance", 1), (ValueWorld.March3, "Sales", 1)], ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Job_AfterAReopen_MovesTheResolutionOutOfItsOldDayAndOntoTheNewOne(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ValueWorld.CreateAsync(database);
        await world.StoryAsync();
        await world.JobAsync();
        var resolvedMonday = (await world.RowAsync(ValueWorld.March2))!;

        database.Time.AdjustTime(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        (await world.Work.MoveAsync(world.Work.Requester, world.A, new TransitionRequest(WorkState.InProgress, Reason: "It asks again."))).IsSuccess.ShouldBeTrue();
        database.Time.Advance(TimeSpan.FromMinutes(10));
        await world.JobAsync();
        var reopenedMonday = (await world.RowAsync(ValueWorld.March2))!;
        var openWednesday = await world.RowAsync(ValueWorld.March4);
        database.Time.Advance(TimeSpan.FromHours(1));
        (await world.Work.MoveAsync(world.Work.Agent, world.A,
            new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Reset the token."))).IsSuccess.ShouldBeTrue();
        database.Time.Advance(TimeSpan.FromMinutes(10));
        await world.JobAsync();

        (reopenedMonday.Resolved, reopenedMonday.FirstContact, reopenedMonday.ResolutionMet).ShouldBe(
            (resolvedMonday.Resolved - 1, resolvedMonday.FirstContact - 1, resolvedMonday.ResolutionMet - 1));
        openWednesday.ShouldBeNull();
        var wednesday = (await world.RowAsync(ValueWorld.March4)).ShouldNotBeNull();
        (wednesday.Resolved, wednesday.Reopened, wednesday.FirstContact, wednesday.Interactions).ShouldBe((1, 1, 0, 2));
        (await world.TableAsync()).Days.ShouldBe((await ValueRecount.CountAsync(database)).Days);
    }

    [Theory, DatabaseData]
    public async Task Job_RunAgainWithNothingNew_ChangesNothingAndARangeRebuildDropsStaleRows(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ValueWorld.CreateAsync(database);
        await world.StoryAsync();
        await world.JobAsync();
        var first = await world.TableAsync();
        await using (var db = database.NewDbContext())
        {
            db.Add(new ServiceDay { ServiceId = world.Work.Service.Id, Day = new DateOnly(2026, 2, 27), Raised = 9 });
            await db.SaveChangesAsync(Ct);
        }

        database.Time.Advance(TimeSpan.FromMinutes(5));
        await world.JobAsync();
        var again = await world.TableAsync();
        await using (var db = database.NewDbContext())
        {
            await new ValueRollup(db, database.Time).RebuildAsync(new DateOnly(2026, 2, 1), ValueWorld.March4, Ct);
        }

        again.Days.Where(d => d.Day != new DateOnly(2026, 2, 27)).ShouldBe(first.Days);
        again.Units.ShouldBe(first.Units);
        var rebuilt = await world.TableAsync();
        rebuilt.Days.ShouldBe(first.Days);
        rebuilt.Units.ShouldBe(first.Units);
    }

    [Theory, DatabaseData]
    public async Task Rebuild_AfterADeskRateChange_RepricesTheRangeForTheLeaderAndIsForbiddenToAnAgent(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ValueWorld.CreateAsync(database);
        await world.StoryAsync();
        await world.JobAsync();
        await using (var db = database.NewDbContext())
        {
            await db.Set<Team>().Where(t => t.Id == world.Work.Desk.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.HourlyRateMinor, 12000), Ct);
        }
        var leader = new TestUser("leader", null, Roles.ItLeader);

        var refused = await RebuildAsync(database, world.Work.Agent, "2026-03-02", "2026-03-03");
        var rebuilt = await RebuildAsync(database, leader, "2026-03-02", "2026-03-03");

        refused.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        rebuilt.Value.ShouldBe(new ValueRollupRebuildView(ValueWorld.March2, ValueWorld.March3, 1, 3));
        // 30 + 45 + 7 desk minutes at 120.00 an hour; the owner's 20 still cost nothing.
        (await world.RowAsync(ValueWorld.March2))!.LabourMinor.ShouldBe(6000 + 9000 + 1400);
        (await RebuildAsync(database, leader, "2026-03-03", "2026-03-02")).Error!.Fields!.Keys.ShouldBe(["to"]);
    }

    private static async Task<Result<ValueRollupRebuildView>> RebuildAsync(TestDatabase database, Keel.Application.Platform.ICurrentUser user, string from, string to)
    {
        await using var db = database.NewDbContext(user);
        return await new ValueRollupService(db, user, database.Time).RebuildAsync(from, to, Ct);
    }
}
