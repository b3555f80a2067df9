using Keel.Application.Data;
using Keel.Application.ServiceLevels;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.ServiceLevels;

public sealed class AttainmentTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TransitionRequest Resolve => new(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Reset the password.");

    [Theory, DatabaseData]
    public async Task Rollup_MetBreachedAndCancelledClocks_CountsMetAndBreachedAndLeavesCancelledOut(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        await MarchAsync(world);

        (await world.RebuildAttainmentAsync("2026-03", "2026-03")).IsSuccess.ShouldBeTrue();

        var march = (await world.AttainmentAsync(world.Admin, new AttainmentQuery("2026-03", "2026-03"))).Value!.ShouldHaveSingleItem();
        (march.Group.Id, march.Met, march.Breached, march.Attainment).ShouldBe(("2026-03", 2, 2, 0.5));
        var response = (await world.AttainmentAsync(world.Admin, new AttainmentQuery("2026-03", "2026-03", "priority", Kind: ClockKind.Response))).Value!;
        response.ShouldHaveSingleItem().ShouldBe(new AttainmentView(new AttainmentGroup("3", "P3"), 1, 1, 0.5));
        var teams = (await world.AttainmentAsync(world.Admin, new AttainmentQuery("2026-03", "2026-03", "team"))).Value!;
        teams.ShouldHaveSingleItem().Group.ShouldBe(new AttainmentGroup(world.Work.Desk.Id.ToString(), "Service Desk"));
    }

    [Theory, DatabaseData]
    public async Task Rollup_ClocksAcrossTheTurnOfAMonth_MetCountsWhenItStoppedAndBreachedWhenItsTargetRanOut(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        var (work, agent) = (world.Work, world.Work.Agent);
        database.Time.AdjustTime(new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.Zero));
        var late = (await work.RaiseAsync(work.Requester)).Value!.Number;         // response due 21:00, resolution at 00:00 (April)
        database.Time.AdjustTime(new DateTimeOffset(2026, 3, 31, 22, 30, 0, TimeSpan.Zero));
        var quick = (await work.RaiseAsync(work.Requester)).Value!.Number;
        database.Time.Advance(TimeSpan.FromMinutes(15));
        await work.MoveAsync(agent, quick, new TransitionRequest(WorkState.InProgress)); // response met on 31 March
        database.Time.AdjustTime(new DateTimeOffset(2026, 4, 1, 1, 0, 0, TimeSpan.Zero));
        await work.MoveAsync(agent, quick, Resolve);                                   // resolution met on 1 April
        database.Time.AdjustTime(new DateTimeOffset(2026, 4, 1, 10, 0, 0, TimeSpan.Zero));
        await work.MoveAsync(agent, late, new TransitionRequest(WorkState.InProgress));
        await work.MoveAsync(agent, late, Resolve);                                    // both breached, stopped on 1 April

        await world.RebuildAttainmentAsync("2026-03", "2026-04");

        (await MonthsAsync(world, ClockKind.Response)).ShouldBe([("2026-03", 1, 1), ("2026-04", 0, 0)]);
        (await MonthsAsync(world, ClockKind.Resolution)).ShouldBe([("2026-03", 0, 0), ("2026-04", 1, 1)]);
    }

    [Theory, DatabaseData]
    public async Task Rollup_RunAgainOrByTheJob_WritesTheSameRowsAndDropsStaleOnes(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        await MarchAsync(world);

        await world.RebuildAttainmentAsync("2026-03", "2026-03");
        var first = await RowsAsync(database);
        await using (var db = database.NewDbContext())
        {
            db.Add(new SlaAttainment { Month = new DateOnly(2026, 3, 1), ServiceId = world.Work.Service.Id, Priority = 1, Met = 7 });
            await db.SaveChangesAsync(Ct);
        }
        await world.AttainmentJobAsync(); // now is in March: rewrites February and March
        var second = await RowsAsync(database);
        await world.RebuildAttainmentAsync("2026-03", "2026-03");

        first.Count.ShouldBe(2);
        second.ShouldBe(first);
        (await RowsAsync(database)).ShouldBe(first);
    }

    [Theory, DatabaseData]
    public async Task Recompute_ClockDecidedInAMonthTheJobNoLongerRewrites_BringsThatMonthsAttainmentUpToDate(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        await world.Work.RaiseAsync(world.Work.Requester);
        database.Time.Advance(TimeSpan.FromDays(1));
        await world.TickAsync(); // both clocks breached in March
        await world.RebuildAttainmentAsync("2026-03", "2026-03");
        await world.WithAsync(world.Admin, (_, policies) => policies.UpdateAsync(world.Policy.Id, world.Policy.Version,
            new PolicyDraft(Resolution: new TargetDraft(100, TargetUnit.BusinessDays)), Ct));
        database.Time.AdjustTime(new DateTimeOffset(2026, 5, 10, 9, 0, 0, TimeSpan.Zero)); // the hourly job keeps April and May only

        var recomputed = (await world.WithAsync(world.Admin, (_, policies) => policies.RecomputeAsync(Ct))).Value!;

        recomputed.AttainmentFrom.ShouldBe("2026-03");
        var march = (await world.AttainmentAsync(world.Admin, new AttainmentQuery("2026-03", "2026-03", Kind: ClockKind.Resolution))).Value!.ShouldHaveSingleItem();
        (march.Met, march.Breached).ShouldBe((0, 0)); // the resolution clock runs again under the longer target
        var response = (await world.AttainmentAsync(world.Admin, new AttainmentQuery("2026-03", "2026-03", Kind: ClockKind.Response))).Value!.ShouldHaveSingleItem();
        (response.Met, response.Breached).ShouldBe((0, 1));
    }

    [Theory, DatabaseData]
    public async Task Query_ByRole_OwnersSeeTheirOwnServicesAndRequestersNothing(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        await MarchAsync(world);
        await world.RebuildAttainmentAsync("2026-03", "2026-03");
        var byService = new AttainmentQuery("2026-03", "2026-03", "service");
        var otherOwner = new TestUser("other-owner", Guid.NewGuid(), Roles.ServiceOwner);

        (await world.AttainmentAsync(world.Work.Owner, byService)).Value!.ShouldHaveSingleItem().Group.Name.ShouldBe("Workplace");
        (await world.AttainmentAsync(world.Work.Agent, byService)).Value!.ShouldHaveSingleItem().Met.ShouldBe(2);
        (await world.AttainmentAsync(otherOwner, byService)).Value!.ShouldBeEmpty();
        (await world.AttainmentAsync(otherOwner, byService with { ServiceId = world.Work.Service.Id })).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await world.AttainmentAsync(world.Work.Requester, byService)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Theory, DatabaseData]
    public async Task Query_RangeTooLongOrNotAMonth_IsRefusedWithFieldErrors(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);

        var tooLong = (await world.AttainmentAsync(world.Admin, new AttainmentQuery("2023-01", "2026-03"))).Error!;
        var notAMonth = (await world.AttainmentAsync(world.Admin, new AttainmentQuery("2026-13", null, "week"))).Error!;

        tooLong.Fields!.Keys.ShouldBe(["to"]);
        notAMonth.Fields!.Keys.Order().ShouldBe(["from", "groupBy"]);
    }

    /// <summary>
    /// On 2 March: one incident answered and resolved in time (both clocks met), one left alone for a day (both breached,
    /// still running), one cancelled (neither counts). The timer job has marked the breaches.
    /// </summary>
    private static async Task MarchAsync(SlaWorld world)
    {
        var (work, agent, time) = (world.Work, world.Work.Agent, world.Work.Database.Time);
        var quick = (await work.RaiseAsync(work.Requester)).Value!.Number;
        await work.RaiseAsync(work.Requester);
        var cancelled = (await work.RaiseAsync(work.Requester)).Value!.Number;
        time.Advance(TimeSpan.FromMinutes(10));
        (await work.MoveAsync(agent, cancelled, new TransitionRequest(WorkState.Cancelled, Reason: "Raised twice."))).IsSuccess.ShouldBeTrue();
        time.Advance(TimeSpan.FromMinutes(20));
        await work.MoveAsync(agent, quick, new TransitionRequest(WorkState.InProgress));
        time.Advance(TimeSpan.FromHours(1));
        (await work.MoveAsync(agent, quick, Resolve)).IsSuccess.ShouldBeTrue();
        time.Advance(TimeSpan.FromDays(1));
        await world.TickAsync();
    }

    private static async Task<List<(string Month, int Met, int Breached)>> MonthsAsync(SlaWorld world, ClockKind kind) =>
        [.. (await world.AttainmentAsync(world.Admin, new AttainmentQuery("2026-03", "2026-04", Kind: kind))).Value!
            .Select(v => (v.Group.Id!, v.Met, v.Breached))];

    private static async Task<List<string>> RowsAsync(TestDatabase database)
    {
        await using var db = database.NewDbContext();
        var rows = await db.Set<SlaAttainment>().AsNoTracking().ToListAsync(Ct);
        return [.. rows.Select(r => $"{r.Month:yyyy-MM} {r.ServiceId} {r.TeamId} P{r.Priority} {r.Agreement} {r.Kind} {r.Met}/{r.Breached}").Order()];
    }
}
