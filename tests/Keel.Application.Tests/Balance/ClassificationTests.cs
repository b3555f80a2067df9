using Keel.Application.Data;
using Keel.Application.Balance;
using Keel.Application.Platform;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class ClassificationTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Optional<T> Set<T>(T value) => new(true, value);

    [Theory, DatabaseData]
    public async Task Create_IncidentAndRequestWithTasks_RunEngageByRule(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);

        var incident = (await world.Work.RaiseAsync(world.Agent)).Value!;
        var request = (await world.Work.RunAsync(world.Work.Requester, u => u.Requests.CreateAsync(
            new RequestDraft(world.Work.Laptop.Id, System.Text.Json.JsonDocument.Parse("""{"reason":"Mine broke"}""").RootElement, null), Ct))).Value!;

        (incident.InvestmentCategory, incident.ValueChainActivity).ShouldBe((InvestmentCategory.Run, ValueChainActivity.Engage));
        (request.InvestmentCategory, request.ValueChainActivity).ShouldBe((InvestmentCategory.Run, ValueChainActivity.Engage));
        await using var db = database.NewDbContext();
        var tasks = await db.Set<WorkItem>().Where(w => w.Kind == WorkKind.Task).ToListAsync(Ct);
        tasks.Count.ShouldBe(2);
        tasks.ShouldAllBe(t => t.InvestmentCategory == InvestmentCategory.Run && t.ValueChainActivity == ValueChainActivity.DeliverAndSupport);
    }

    [Theory, DatabaseData]
    public async Task Link_ToInitiative_TakesItsCategoryThenByHandWinsUntilReset(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        var initiative = (await world.ProposeAsync(world.Leader, "Portal", InvestmentCategory.Transform)).Value!;
        var number = (await world.Work.RaiseAsync(world.Agent)).Value!.Number;

        var linked = (await world.ClassifyAsync(world.Agent, number, new WorkInvestmentPatch(InitiativeId: Set<Guid?>(initiative.Id)))).Value!;
        var byHand = (await world.ClassifyAsync(world.Agent, number, new WorkInvestmentPatch(
            Set<InvestmentCategory?>(InvestmentCategory.Debt), Set<ValueChainActivity?>(ValueChainActivity.Plan)))).Value!;
        var unlinked = (await world.ClassifyAsync(world.Agent, number, new WorkInvestmentPatch(InitiativeId: Set<Guid?>(null)))).Value!;
        var reset = (await world.ClassifyAsync(world.Agent, number, new WorkInvestmentPatch(Set<InvestmentCategory?>(null), Set<ValueChainActivity?>(null)))).Value!;

        (linked.InvestmentCategory, linked.InvestmentCategoryByHand, linked.Initiative!.Number).ShouldBe((InvestmentCategory.Transform, false, initiative.Number));
        (byHand.InvestmentCategory, byHand.InvestmentCategoryByHand, byHand.ValueChainActivity, byHand.ValueChainActivityByHand)
            .ShouldBe((InvestmentCategory.Debt, true, ValueChainActivity.Plan, true));
        (unlinked.InvestmentCategory, unlinked.Initiative).ShouldBe((InvestmentCategory.Debt, null));
        (reset.InvestmentCategory, reset.InvestmentCategoryByHand, reset.ValueChainActivity, reset.ValueChainActivityByHand)
            .ShouldBe((InvestmentCategory.Run, false, ValueChainActivity.Engage, false));
        await using var db = database.NewDbContext();
        var fields = await db.Set<WorkEvent>().Where(e => e.Field != null && db.Set<WorkItem>().Any(w => w.Id == e.WorkItemId && w.Number == number))
            .Select(e => e.Field!).ToListAsync(Ct);
        fields.Count(f => f == WorkInvestmentService.InitiativeField).ShouldBe(2);
        fields.ShouldContain("investmentCategoryByHand");
        fields.Count(f => f == "investmentCategory").ShouldBeGreaterThanOrEqualTo(3);
    }

    [Theory, DatabaseData]
    public async Task Link_UnknownInitiativeOrByRequester_RefusedAndNothingWritten(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        var number = (await world.Work.RaiseAsync(world.Work.Requester)).Value!.Number;

        var unknown = await world.ClassifyAsync(world.Agent, number, new WorkInvestmentPatch(InitiativeId: Set<Guid?>(Guid.NewGuid())));
        var requester = await world.ClassifyAsync(world.Work.Requester, number, new WorkInvestmentPatch(Set<InvestmentCategory?>(InvestmentCategory.Grow)));

        unknown.Error!.Fields!.Keys.ShouldBe(["initiativeId"]);
        requester.Error!.Code.ShouldBe("forbidden");
        var after = (await world.RunAsync(world.Agent, u => u.Investment.GetAsync(number, Ct))).Value!;
        (after.InvestmentCategory, after.InvestmentCategoryByHand, after.Initiative, after.Version).ShouldBe((InvestmentCategory.Run, false, null, 0L));
    }

    [Theory, DatabaseData]
    public async Task InitiativeCategoryChange_ReclassifiesLinkedWorkNotSetByHand(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        var initiative = (await world.ProposeAsync(world.Leader, "Portal", InvestmentCategory.Grow)).Value!;
        var byRule = (await world.Work.RaiseAsync(world.Agent, "One")).Value!.Number;
        var byHand = (await world.Work.RaiseAsync(world.Agent, "Two")).Value!.Number;
        await world.ClassifyAsync(world.Agent, byRule, new WorkInvestmentPatch(InitiativeId: Set<Guid?>(initiative.Id)));
        await world.ClassifyAsync(world.Agent, byHand, new WorkInvestmentPatch(Set<InvestmentCategory?>(InvestmentCategory.Grow), InitiativeId: Set<Guid?>(initiative.Id)));

        await world.RunAsync(world.Leader, u => u.Initiatives.UpdateAsync(
            initiative.Number, initiative.Version, new InitiativePatch(Category: Set<InvestmentCategory?>(InvestmentCategory.Transform)), Ct));

        (await world.RunAsync(world.Agent, u => u.Investment.GetAsync(byRule, Ct))).Value!.InvestmentCategory.ShouldBe(InvestmentCategory.Transform);
        (await world.RunAsync(world.Agent, u => u.Investment.GetAsync(byHand, Ct))).Value!.InvestmentCategory.ShouldBe(InvestmentCategory.Grow);
    }
}
