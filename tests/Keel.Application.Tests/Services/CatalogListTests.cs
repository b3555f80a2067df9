using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;

namespace Keel.Application.Tests.Services;

public sealed class CatalogListTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task CatalogList_FilteredByServiceAndState_OnlyMatchingItemsAcrossServices(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, Ct);
        var world = await ServicesWorld.CreateAsync(database);
        var workplace = (await world.CreateServiceAsync("Workplace")).Value!;
        var network = (await world.CreateServiceAsync("Network")).Value!;
        foreach (var (service, name, active) in new[] { (workplace.Id, "Laptop", true), (workplace.Id, "Old phone", false), (network.Id, "VPN", true) })
        {
            (await world.RunAsync(world.Owner, u => u.Catalog.CreateAsync(new CatalogItemDraft(service, name, $"{name} for you.", null,
                null, null, null, null, null, active), Ct))).IsSuccess.ShouldBeTrue();
        }

        async Task<string[]> NamesAsync(CatalogFilter filter) =>
            (await world.RunAsync(world.Owner, u => u.Catalog.ListAsync(filter, new PageRequest(50), Ct))).Value!.Items.Select(i => i.Name).ToArray();

        (await NamesAsync(new CatalogFilter())).ShouldBe(["Laptop", "Old phone", "VPN"]);
        (await NamesAsync(new CatalogFilter(Active: true))).ShouldBe(["Laptop", "VPN"]);
        (await NamesAsync(new CatalogFilter(Active: false))).ShouldBe(["Old phone"]);
        (await NamesAsync(new CatalogFilter(ServiceId: workplace.Id, Active: true))).ShouldBe(["Laptop"]);
        (await NamesAsync(new CatalogFilter(Q: "VP", ServiceId: network.Id))).ShouldBe(["VPN"]);
    }
}
