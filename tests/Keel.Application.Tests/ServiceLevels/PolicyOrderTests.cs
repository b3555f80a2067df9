using Keel.Application.Data;
using Keel.Application.ServiceLevels;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Application.Tests.ServiceLevels;

public sealed class PolicyOrderTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Reorder_LaterPolicyMovedUp_NowTimesNewItemsAndAStaleListChangesNothing(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);
        var major = (await world.WithAsync(world.Admin, (_, policies) => policies.CreateAsync(new PolicyDraft(
            Name: "Major incidents", Agreement: Agreement.Sla, Kinds: new List<WorkKind> { WorkKind.Incident }, Priorities: new List<int> { 1 },
            CalendarId: world.Calendar.Id, Response: new TargetDraft(15, TargetUnit.Minutes), Resolution: new TargetDraft(2, TargetUnit.Hours)), Ct))).Value!;

        var reordered = await world.WithAsync(world.Admin, (_, policies) => policies.ReorderAsync(Agreement.Sla, [major.Id, world.Policy.Id], Ct));
        var stale = await world.WithAsync(world.Admin, (_, policies) => policies.ReorderAsync(Agreement.Sla, [world.Policy.Id], Ct));
        var otherAgreement = await world.WithAsync(world.Admin, (_, policies) => policies.ReorderAsync(Agreement.Ola, [world.Policy.Id, major.Id], Ct));
        var twice = await world.WithAsync(world.Admin, (_, policies) => policies.ReorderAsync(Agreement.Sla, [major.Id, major.Id], Ct));
        var number = (await world.Work.RaiseAsync(world.Work.Requester, impact: 1, urgency: 1)).Value!.Number;

        reordered.Value!.Select(p => p.Name).ShouldBe(["Major incidents", "Incidents"]);
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        otherAgreement.Error!.Code.ShouldBe("concurrency_conflict");
        twice.Error!.Fields!.Keys.ShouldBe(["ids"]);
        var listed = await world.WithAsync(world.Admin, (_, policies) => policies.ListAsync(Agreement.Sla, new Keel.Application.Platform.Paging.PageRequest(10, null), Ct));
        listed.Value!.Items.Select(p => p.Name).ShouldBe(["Major incidents", "Incidents"]);
        (await world.ClocksAsync(world.Work.Agent, number)).Value!.Select(c => c.Policy).Distinct().ShouldBe(["Major incidents"]);
    }

    [Theory, DatabaseData]
    public async Task Reorder_AsAnAgent_IsForbiddenAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await SlaWorld.CreateAsync(database);

        var result = await world.WithAsync(world.Work.Agent, (_, policies) => policies.ReorderAsync(Agreement.Sla, [world.Policy.Id], Ct));

        result.Error!.Code.ShouldBe("forbidden");
        (await world.WithAsync(world.Admin, (_, policies) => policies.GetAsync(world.Policy.Id, Ct))).Value!.Version.ShouldBe(world.Policy.Version);
    }
}
