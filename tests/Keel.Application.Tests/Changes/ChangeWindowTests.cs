using Keel.Application.Changes;
using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Changes;
using static Keel.Application.Tests.Changes.ChangeCalendarWorld;

namespace Keel.Application.Tests.Changes;

public sealed class ChangeWindowTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Windows_ChangeManagerCreatesUpdatesAndDeletes_AgentsReadButMayNotWrite(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await CreateAsync(database);
        var weekly = new WeeklyDraft(["saturday", "Sunday"], "22:00", 240, "Europe/Berlin");

        var created = await world.RunAsync(world.ChangeManager, u => u.Windows.CreateAsync(
            new ChangeWindowDraft(ChangeWindowKind.Maintenance, "db01 weekend nights", "", null, null, weekly, null, [world.Db01.Id]), Ct));
        var window = created.Value!;
        var renamed = await world.RunAsync(world.ChangeManager, u => u.Windows.UpdateAsync(window.Id, window.Version,
            ChangeWindowDrafts.DraftOf(window) with { Name = "db01 nights" }, Ct));
        var stale = await world.RunAsync(world.ChangeManager, u => u.Windows.UpdateAsync(window.Id, window.Version,
            ChangeWindowDrafts.DraftOf(window) with { Name = "Stale" }, Ct));
        var byAgent = await world.RunAsync(world.Agent, u => u.Windows.CreateAsync(
            new ChangeWindowDraft(ChangeWindowKind.Freeze, "Agent's freeze", "", At(1, 0), At(2, 0), null, null, null), Ct));
        var listed = await world.RunAsync(world.Agent, u => u.Windows.ListAsync(null, new PageRequest(), Ct));
        var byRequester = await world.RunAsync(world.Requester, u => u.Windows.ListAsync(null, new PageRequest(), Ct));

        window.Weekly!.Days.ShouldBe(["sunday", "saturday"]);
        window.ConfigurationItems.ShouldHaveSingleItem().Name.ShouldBe("db01");
        renamed.Value!.Name.ShouldBe("db01 nights");
        renamed.Value.Version.ShouldBeGreaterThan(window.Version);
        stale.Error!.Code.ShouldBe("concurrency_conflict");
        byAgent.Error!.Code.ShouldBe("forbidden");
        listed.Value!.Items.ShouldHaveSingleItem().Name.ShouldBe("db01 nights");
        byRequester.Error!.Code.ShouldBe("forbidden");
        (await world.RunAsync(world.ChangeManager, u => u.Windows.DeleteAsync(window.Id, Ct))).IsSuccess.ShouldBeTrue();
        (await world.RunAsync(world.Agent, u => u.Windows.GetAsync(window.Id, Ct))).Error!.Code.ShouldBe("not_found");
    }

    [Theory, DatabaseData]
    public async Task Create_InvalidWindow_ListsEveryFieldAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await CreateAsync(database);

        var result = await world.RunAsync(world.ChangeManager, u => u.Windows.CreateAsync(
            new ChangeWindowDraft(ChangeWindowKind.Maintenance, " ", "", null, null, new WeeklyDraft(["funday"], "25:00", 0, "Nowhere/City"), [Guid.NewGuid()], null), Ct));

        result.Error!.Fields!.Keys.ShouldBe(
            ["name", "weekly.days", "weekly.start", "weekly.durationMinutes", "weekly.timeZone", "serviceIds"], ignoreOrder: true);
        (await world.RunAsync(world.Agent, u => u.Windows.ListAsync(null, new PageRequest(), Ct))).Value!.Items.ShouldBeEmpty();
    }
}
