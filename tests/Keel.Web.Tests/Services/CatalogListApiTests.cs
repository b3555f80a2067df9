using System.Net;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Services;

public sealed class CatalogListApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string[]> NamesAsync(HttpClient client, string query) =>
        (await (await client.GetAsync($"/api/v1/catalog-items{query}", Ct)).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("name").GetString()!).ToArray();

    [Theory, DatabaseData]
    public async Task Owner_ListWithActive_OnlyItemsInThatState(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var owner = await app.ClientForAsync("owner");
        var vpn = await IdAsync(owner, "/api/v1/catalog-items", "VPN access");
        var etag = (await owner.GetAsync($"/api/v1/catalog-items/{vpn}", Ct)).Headers.ETag!.Tag;
        (await Patch(owner, $"/api/v1/catalog-items/{vpn}", etag, new { active = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var inactive = await NamesAsync(owner, "?active=false");
        var active = await NamesAsync(owner, "?active=true");
        var all = await NamesAsync(owner, "");

        inactive.ShouldBe(["VPN access"]);
        active.ShouldNotContain("VPN access");
        active.ShouldContain("New laptop");
        all.Length.ShouldBe(active.Length + 1);
    }

    [Fact]
    public async Task Owner_ListWithActiveNotABoolean_BadRequest()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var owner = await app.ClientForAsync("owner");

        var response = await owner.GetAsync("/api/v1/catalog-items?active=maybe", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
