using Keel.Application.Balance;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class TechDebtServiceTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Create_TwoItems_NumberedInOrderAndInvalidInputNamesEachField(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);

        var first = (await world.CreateAsync(world.Leader, "Hand-rolled LDAP sync", 40)).Value!;
        var second = (await world.CreateAsync(world.Owner, "Manual cert renewal", 4)).Value!;
        var invalid = await world.RunAsync(world.Leader, (s, _) => s.CreateAsync(
            new TechDebtDraft("", null, Guid.NewGuid(), null, 0, -1, DebtRisk.Low), Ct));

        (first.Number, second.Number, first.Status, first.Owner.Id).ShouldBe(("TD0001", "TD0002", DebtStatus.Open, world.Leader.UserId!.Value));
        invalid.Error!.Fields!.Keys.ShouldBe(["title", "serviceId", "remediationEstimateHours", "manualInterestHoursPerMonth"], ignoreOrder: true);
        await using var db = database.NewDbContext();
        (await db.Set<TechDebtItem>().CountAsync(Ct)).ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task Access_OwnerOfAnotherServiceAgentAndRequester_RefusedWhereTheyMayNotAct(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);
        var payroll = (await world.CreateAsync(world.Leader, "Payroll batch on a desktop", 30, serviceId: world.OtherService.Id)).Value!;
        var incident = await world.Problems.IncidentAsync("Payroll run late");

        var ownerElsewhere = await world.CreateAsync(world.Owner, "Not mine", 5, serviceId: world.OtherService.Id);
        var ownerMoves = await world.RunAsync(world.Owner, (s, _) => s.TransitionAsync(payroll.Number, null, new DebtTransition(DebtStatus.Scheduled), Ct));
        var agentPatch = await world.RunAsync(world.Agent, (s, _) => s.UpdateAsync(payroll.Number, payroll.Version,
            new TechDebtPatch(Title: new Optional<string?>(true, "Renamed")), Ct));
        var agentLink = await world.LinkAsync(world.Agent, payroll.Number, incident);
        var requesterRead = await world.RunAsync(world.Problems.Work.Requester, (s, _) => s.GetAsync(payroll.Number, Ct));

        (ownerElsewhere.Error!.Code, ownerMoves.Error!.Code, agentPatch.Error!.Code, requesterRead.Error!.Code)
            .ShouldBe(("forbidden", "forbidden", "forbidden", "forbidden"));
        agentLink.Value!.LinkedWork.Select(w => w.Number).ShouldBe([incident]);
        (agentLink.Value.CanEdit, agentLink.Value.CanLink, agentLink.Value.AllowedTransitions.Count).ShouldBe((false, true, 0));
    }

    [Theory, DatabaseData]
    public async Task Transition_IllegalMoveAndStaleVersion_RefusedAndNothingChanged(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);
        var item = (await world.CreateAsync(world.Owner, "Manual cert renewal", 4)).Value!;

        var illegal = await world.RunAsync(world.Owner, (s, _) => s.TransitionAsync(item.Number, null, new DebtTransition(DebtStatus.PaidOff), Ct));
        var scheduled = await world.RunAsync(world.Owner, (s, _) => s.TransitionAsync(item.Number, item.Version, new DebtTransition(DebtStatus.Scheduled), Ct));
        var stale = await world.RunAsync(world.Owner, (s, _) => s.UpdateAsync(item.Number, item.Version,
            new TechDebtPatch(RemediationEstimateHours: new Optional<double?>(true, 8)), Ct));

        illegal.Error!.Allowed.ShouldBe(["Scheduled", "Accepted"]);
        scheduled.Value!.AllowedTransitions.ShouldBe([DebtStatus.InRemediation, DebtStatus.Open, DebtStatus.Accepted]);
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        var now = (await world.RunAsync(world.Owner, (s, _) => s.GetAsync(item.Id.ToString(), Ct))).Value!;
        (now.Status, now.RemediationEstimateHours).ShouldBe((DebtStatus.Scheduled, 4.0));
    }

    [Theory, DatabaseData]
    public async Task PayoffChange_SetThenReplaced_FirstChangeBackToRunSecondDebtByHandKept(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);
        var first = await world.ChangeAsync("CHG0000001");
        var byHand = await world.ChangeAsync("CHG0000002", byHand: InvestmentCategory.Grow);
        var item = (await world.CreateAsync(world.Leader, "Hand-rolled LDAP sync", 40, payoffChangeId: first.Id)).Value!;

        await using (var db = database.NewDbContext())
        {
            var change = await db.Set<WorkItem>().SingleAsync(w => w.Id == first.Id, Ct);
            (change.RemediatesDebt, change.InvestmentCategory).ShouldBe((true, InvestmentCategory.Debt));
        }
        var moved = await world.RunAsync(world.Leader, (s, _) => s.UpdateAsync(item.Number, item.Version,
            new TechDebtPatch(PayoffChangeId: new Optional<Guid?>(true, byHand.Id)), Ct));
        var notAChange = await world.RunAsync(world.Leader, (s, _) => s.UpdateAsync(item.Number, moved.Value!.Version,
            new TechDebtPatch(PayoffChangeId: new Optional<Guid?>(true, Guid.NewGuid())), Ct));

        moved.Value!.PayoffChange!.Number.ShouldBe("CHG0000002");
        notAChange.Error!.Fields!.Keys.ShouldBe(["payoffChangeId"]);
        await using var check = database.NewDbContext();
        var changes = await check.Set<WorkItem>().Where(w => w.Kind == WorkKind.Change).OrderBy(w => w.Number).ToListAsync(Ct);
        changes.Select(c => (c.RemediatesDebt, c.InvestmentCategory)).ShouldBe([(false, InvestmentCategory.Run), (true, InvestmentCategory.Grow)]);
    }

    [Theory, DatabaseData]
    public async Task Link_RequestOrTwice_RefusedAndUnlinkRemovesTheLink(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await DebtWorld.CreateAsync(database);
        var item = (await world.CreateAsync(world.Leader, "Legacy cron box", 10)).Value!;
        var incident = await world.Problems.IncidentAsync("Cron job missed");
        var change = await world.ChangeAsync("CHG0000001");

        await world.LinkAsync(world.Agent, item.Number, incident);
        var twice = await world.LinkAsync(world.Agent, item.Number, incident);
        var notIncident = await world.RunAsync(world.Agent, (s, _) => s.LinkAsync(item.Number, new DebtLinkDraft(change.Id), Ct));
        var panel = await world.RunAsync(world.Agent, async (s, r) =>
            await r.ForWorkAsync((await s.GetAsync(item.Number, Ct)).Value!.LinkedWork[0].Id, Ct));
        var removed = await world.RunAsync(world.Agent, async (s, _) =>
            await s.UnlinkAsync(item.Number, (await s.GetAsync(item.Number, Ct)).Value!.LinkedWork[0].Id, Ct));

        twice.Error!.Fields!["number"].ShouldBe([$"{incident} is already linked to {item.Number}."]);
        notIncident.Error!.Fields!.Keys.ShouldBe(["workItemId"]);
        panel.Select(p => p.Number).ShouldBe([item.Number]);
        removed.Value.ShouldBeTrue();
        (await world.RunAsync(world.Agent, (s, _) => s.GetAsync(item.Number, Ct))).Value!.LinkedWork.ShouldBeEmpty();
    }
}
