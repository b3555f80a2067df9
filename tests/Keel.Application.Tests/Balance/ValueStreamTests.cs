using Keel.Application.Data;
using Keel.Application.Balance;
using Keel.Application.Platform;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Work;
using Keel.Domain.Balance;
using Keel.Domain.Platform;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Balance;

public sealed class ValueStreamTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TestUser Leader = new("leader", null, Roles.ItLeader);

    internal static ValueStreamDraft Restore(string name = "Restore service", Guid? serviceId = null) => new(name, "From report to fix.", "Incident", serviceId, null,
    [
        new("Triage", "Engage", "Created", "Entered:InProgress"),
        new("Fix", "DeliverAndSupport", "Entered:InProgress", "Entered:Resolved"),
    ]);

    internal static async Task<T> RunAsync<T>(TestDatabase database, ICurrentUser user, Func<ValueStreamService, Task<T>> action)
    {
        await using var db = database.NewDbContext(user);
        return await action(new ValueStreamService(db, user, database.Time, new FlowReader(db)));
    }

    [Theory, DatabaseData]
    public async Task Create_ByLeader_StoredWithStepsInOrderAndListed(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);

        var created = (await RunAsync(database, Leader, s => s.CreateAsync(Restore(), Ct))).Value!;
        var listed = (await RunAsync(database, TestUser.Admin, s => s.ListAsync(null, new PageRequest(null, null, null), Ct))).Value!;

        created.Steps.Select(s => (s.Name, s.Activity, s.Start)).ShouldBe(
            [("Triage", ValueChainActivity.Engage, "Created"), ("Fix", ValueChainActivity.DeliverAndSupport, "Entered:InProgress")]);
        listed.Items.Single().Id.ShouldBe(created.Id);
        listed.Items.Single().Steps.Count.ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task Create_BadSteps_FieldErrorsAndNothingStored(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var draft = Restore() with
        {
            Steps = [new("Fix", "Repair", "Created", "Entered:Fulfilled"), new("fix", "Engage", "Entered:Resolved", "Entered:Closed")],
        };

        var result = await RunAsync(database, Leader, s => s.CreateAsync(draft, Ct));
        var oneStep = await RunAsync(database, Leader, s => s.CreateAsync(Restore() with { Steps = [new("Fix", "Engage", "Created", "Entered:Resolved")] }, Ct));

        result.Error!.Fields!.Keys.ShouldBe(["steps[0].activity"]); // the activity is read first; milestones are checked once every step parses
        oneStep.Error!.Fields!.Keys.ShouldBe(["steps"]);
        var named = await RunAsync(database, Leader, s => s.CreateAsync(draft with
        {
            Steps = [new("Fix", "Engage", "Created", "Entered:Fulfilled"), new("fix", "Engage", "Entered:Resolved", "Entered:Closed")],
        }, Ct));
        named.Error!.Fields!.Keys.ShouldBe(["steps[0].end", "steps[1].name"], ignoreOrder: true);
        await using var db = database.NewDbContext();
        (await db.Set<ValueStream>().CountAsync(Ct)).ShouldBe(0);
    }

    [Theory, DatabaseData]
    public async Task Write_ByAgent_ForbiddenButReads(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var agent = new TestUser("agent", null, Roles.Agent);
        var requester = new TestUser("requester", null, Roles.Requester);
        var id = (await RunAsync(database, Leader, s => s.CreateAsync(Restore(), Ct))).Value!.Id;

        (await RunAsync(database, agent, s => s.CreateAsync(Restore("Another"), Ct))).Error!.Code.ShouldBe("forbidden");
        (await RunAsync(database, agent, s => s.DeleteAsync(id, null, Ct))).Error!.Code.ShouldBe("forbidden");
        (await RunAsync(database, agent, s => s.GetAsync(id, Ct))).IsSuccess.ShouldBeTrue();
        (await RunAsync(database, requester, s => s.GetAsync(id, Ct))).Error!.Code.ShouldBe("forbidden");
    }

    [Theory, DatabaseData]
    public async Task Update_StaleVersion_RefusedThenCurrentOneChangesStepsAndVersion(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var created = (await RunAsync(database, Leader, s => s.CreateAsync(Restore(), Ct))).Value!;
        var changed = Restore() with
        {
            Steps = [.. Restore().Steps!, new("Close", "DeliverAndSupport", "Entered:Resolved", "Entered:Closed")],
        };

        var stale = await RunAsync(database, Leader, s => s.UpdateAsync(created.Id, created.Version + 1, changed, Ct));
        var updated = (await RunAsync(database, Leader, s => s.UpdateAsync(created.Id, created.Version, changed, Ct))).Value!;

        stale.Error!.Code.ShouldBe("concurrency_conflict");
        updated.Steps.Select(s => s.Name).ShouldBe(["Triage", "Fix", "Close"]);
        updated.Version.ShouldBeGreaterThan(created.Version);
        (await RunAsync(database, Leader, s => s.DeleteAsync(created.Id, updated.Version, Ct))).IsSuccess.ShouldBeTrue();
        (await RunAsync(database, Leader, s => s.GetAsync(created.Id, Ct))).Error!.Code.ShouldBe("not_found");
    }
}
