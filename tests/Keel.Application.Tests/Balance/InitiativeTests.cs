using Keel.Application.Data;
using Keel.Application.Balance;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Balance;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class InitiativeTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Create_ByLeader_NumberedInOrderProposedAndOwnedByCaller(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);

        var first = (await world.ProposeAsync(world.Leader, "Self-service portal")).Value!;
        var second = (await world.ProposeAsync(world.Leader, "Network refresh", InvestmentCategory.Debt, world.Network.Id)).Value!;

        (first.Number, second.Number).ShouldBe(("INI0000001", "INI0000002"));
        (first.Status, first.Owner.Id, first.Service.Name, first.ExpectedValue).ShouldBe((InitiativeStatus.Proposed, world.Leader.UserId!.Value, "Workplace", 120d));
        first.AllowedTransitions.ShouldBe([InitiativeStatus.Approved, InitiativeStatus.Cancelled]);
    }

    [Theory, DatabaseData]
    public async Task Create_OwnerOnlyOnOwnService_OthersRefusedAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);

        var own = await world.ProposeAsync(world.Owner, "Laptop self-service");
        var others = await world.ProposeAsync(world.Owner, "Faster Wi-Fi", serviceId: world.Network.Id);
        var agent = await world.ProposeAsync(world.Agent, "A pet project");
        var invalid = await world.RunAsync(world.Leader, u => u.Initiatives.CreateAsync(
            new InitiativeDraft(" ", null, Guid.NewGuid(), null, null, null, null, null, -5, null), Ct));

        own.IsSuccess.ShouldBeTrue();
        others.Error!.Code.ShouldBe("forbidden");
        agent.Error!.Code.ShouldBe("forbidden");
        invalid.Error!.Fields!.Keys.ShouldBe(["name", "effortEstimateHours", "serviceId"], ignoreOrder: true);
        await using var db = database.NewDbContext();
        (await db.Set<Initiative>().CountAsync(Ct)).ShouldBe(1);
    }

    [Theory, DatabaseData]
    public async Task Read_RequesterRefusedAgentReads(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        var number = (await world.ProposeAsync(world.Leader, "Self-service portal")).Value!.Number;

        var requester = await world.RunAsync(world.Work.Requester, u => u.Initiatives.GetAsync(number, Ct));
        var agent = (await world.RunAsync(world.Agent, u => u.Initiatives.GetAsync(number, Ct))).Value!;

        requester.Error!.Code.ShouldBe("forbidden");
        (agent.Name, agent.CanEdit, agent.AllowedTransitions.Count).ShouldBe(("Self-service portal", false, 0));
    }

    [Theory, DatabaseData]
    public async Task Lifecycle_DeliveredThenReviewed_ExpectedAgainstRealised(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        var number = (await world.ProposeAsync(world.Leader, "Self-service portal")).Value!.Number;
        var leader = world.Leader;

        (await world.MoveAsync(leader, number, InitiativeStatus.Delivered)).Error!.Code.ShouldBe("illegal_transition");
        (await world.RunAsync(leader, u => u.Initiatives.ReviewAsync(number, null, new InitiativeReviewDraft(80, null), Ct))).Error!.Code.ShouldBe("illegal_transition");
        (await world.MoveAsync(leader, number, InitiativeStatus.Approved)).IsSuccess.ShouldBeTrue();
        (await world.MoveAsync(leader, number, InitiativeStatus.InProgress)).IsSuccess.ShouldBeTrue();
        database.Time.Advance(TimeSpan.FromDays(30));
        (await world.MoveAsync(leader, number, InitiativeStatus.Delivered)).Value!.DeliveredAt.ShouldBe(database.Time.GetUtcNow().UtcDateTime);
        var reviewed = (await world.RunAsync(leader, u => u.Initiatives.ReviewAsync(number, null, new InitiativeReviewDraft(80, "Half the calls moved."), Ct))).Value!;

        (reviewed.Status, reviewed.ExpectedValue, reviewed.RealisedValue, reviewed.ReviewNotes, reviewed.ReviewedBy!.Id)
            .ShouldBe((InitiativeStatus.Reviewed, 120d, 80d, "Half the calls moved.", leader.UserId!.Value));
        reviewed.AllowedTransitions.ShouldBeEmpty();
    }

    [Theory, DatabaseData]
    public async Task Update_StaleVersion_ConflictAndNothingWritten(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        var created = (await world.ProposeAsync(world.Leader, "Self-service portal")).Value!;
        var rename = new InitiativePatch(Name: new Optional<string?>(true, "Portal 2.0"));

        var first = await world.RunAsync(world.Leader, u => u.Initiatives.UpdateAsync(created.Number, created.Version, rename, Ct));
        var stale = await world.RunAsync(world.Leader, u => u.Initiatives.UpdateAsync(
            created.Number, created.Version, new InitiativePatch(Name: new Optional<string?>(true, "Lost")), Ct));

        first.Value!.Version.ShouldBeGreaterThan(created.Version);
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        (await world.RunAsync(world.Leader, u => u.Initiatives.GetAsync(created.Id.ToString(), Ct))).Value!.Name.ShouldBe("Portal 2.0");
    }

    [Theory, DatabaseData]
    public async Task List_FilterByStatusAndCategory_PagesWithCursor(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        await world.ProposeAsync(world.Leader, "Portal");
        await world.ProposeAsync(world.Leader, "Cloud move", InvestmentCategory.Transform);
        await world.ProposeAsync(world.Leader, "Data lake", InvestmentCategory.Transform);
        await world.MoveAsync(world.Leader, "INI0000003", InitiativeStatus.Approved);
        var transform = new InitiativeFilter(Category: [InvestmentCategory.Transform]);

        var page1 = (await world.RunAsync(world.Agent, u => u.Initiatives.ListAsync(transform, null, new PageRequest(1), Ct))).Value!;
        var page2 = (await world.RunAsync(world.Agent, u => u.Initiatives.ListAsync(transform, null, new PageRequest(1, page1.NextCursor), Ct))).Value!;
        var approved = (await world.RunAsync(world.Agent, u => u.Initiatives.ListAsync(new InitiativeFilter([InitiativeStatus.Approved]), null, new PageRequest(), Ct))).Value!;

        page1.Items.Concat(page2.Items).Select(i => i.Name).ShouldBe(["Cloud move", "Data lake"]);
        page2.NextCursor.ShouldBeNull();
        approved.Items.Select(i => i.Number).ShouldBe(["INI0000003"]);
    }

    [Theory, DatabaseData]
    public async Task Work_LinkedItems_WithLoggedHoursAndTotals(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await InitiativeWorld.CreateAsync(database);
        var initiative = (await world.ProposeAsync(world.Leader, "Portal")).Value!;
        var linked = (await world.Work.RaiseAsync(world.Agent, "Portal form fails")).Value!.Number;
        await world.Work.RaiseAsync(world.Agent, "Printer jam");
        await world.ClassifyAsync(world.Agent, linked, new WorkInvestmentPatch(InitiativeId: new Optional<Guid?>(true, initiative.Id)));
        await using (var db = database.NewDbContext())
        {
            var id = await db.Set<WorkItem>().Where(w => w.Number == linked).Select(w => w.Id).SingleAsync(Ct);
            db.Add(new WorkLog { WorkItemId = id, PersonId = world.Agent.UserId!.Value, Minutes = 90, Date = new DateOnly(2026, 3, 2) });
            db.Add(new WorkLog { WorkItemId = id, PersonId = world.Agent.UserId!.Value, Minutes = 30, Date = new DateOnly(2026, 3, 2) });
            await db.SaveChangesAsync(Ct);
        }

        var work = (await world.RunAsync(world.Leader, u => u.Initiatives.WorkAsync(initiative.Number, new PageRequest(), Ct))).Value!;
        var view = (await world.RunAsync(world.Leader, u => u.Initiatives.GetAsync(initiative.Number, Ct))).Value!;

        work.Items.Select(w => (w.Number, w.LoggedHours, w.InvestmentCategory)).ShouldBe([(linked, 2d, InvestmentCategory.Grow)]);
        (view.WorkCount, view.LoggedHours).ShouldBe((1, 2d));
    }
}
