using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Services;

public sealed class ServicesApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static async Task<string> IdAsync(HttpClient client, string path, string name)
    {
        var list = await (await client.GetAsync($"{path}?q={Uri.EscapeDataString(name)}", Ct)).JsonAsync();
        return list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    private static string[] Names(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToArray();

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

    [Theory, DatabaseData]
    public async Task Agent_Service_HasNoCostFieldsAndCostEndpointsAreForbidden(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var agent = await app.ClientForAsync("agent");
        var id = await IdAsync(agent, "/api/v1/services", "Workplace Services");

        var response = await agent.GetAsync($"/api/v1/services/{id}", Ct);
        var service = await response.JsonAsync();
        var text = service.GetRawText();

        response.Headers.ETag.ShouldNotBeNull();
        // The survey sample rate and experience target are experience settings, not costs: staff read them.
        Keys(service).ShouldBe(["id", "name", "description", "owner", "deliveringTeam", "lifecycle", "criticality", "surveySampleRate", "experienceTarget", "consumers", "version"]);
        text.ShouldNotContain("share", Case.Insensitive);
        text.ShouldNotContain("minor", Case.Insensitive);
        text.ShouldNotContain("outcome", Case.Insensitive);
        var list = await (await agent.GetAsync("/api/v1/services", Ct)).JsonAsync();
        list.GetRawText().ShouldNotContain("minor", Case.Insensitive);
        foreach (var part in new[] { "cost-items", "outcomes", "consumers" })
        {
            await (await agent.GetAsync($"/api/v1/services/{id}/{part}", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("leader")]
    [InlineData("owner")]
    public async Task CostReader_Service_HasOutcomesCostsAndShares(string userName)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync(userName);
        var id = await IdAsync(client, "/api/v1/services", "Workplace Services");

        var service = await (await client.GetAsync($"/api/v1/services/{id}", Ct)).JsonAsync();
        var costs = await (await client.GetAsync($"/api/v1/services/{id}/cost-items", Ct)).JsonAsync();

        service.GetProperty("monthlyCost").GetProperty("minor").GetInt64().ShouldBe(12_200_00);
        service.GetProperty("monthlyCost").GetProperty("currency").GetString().ShouldBe("EUR");
        service.GetProperty("outcomes").GetArrayLength().ShouldBe(1);
        service.GetProperty("consumers").EnumerateArray().Select(c => c.GetProperty("share").GetDecimal()).ShouldBe([0.4m, 0.6m]);
        costs.GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    [Theory, DatabaseData]
    public async Task Requesters_Services_ExactlyTheLiveServicesOfferedToTheirUnit(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        var expected = new (string User, string[] Services, string[] Items)[]
        {
            ("requester", ["Workplace Services"], ["New laptop"]),
            ("requester2", ["Remote Access", "Workplace Services"], ["VPN access", "New laptop", "Software licence"]),
        };
        foreach (var (userName, services, items) in expected)
        {
            using var client = await app.ClientForAsync(userName);

            var list = await (await client.GetAsync("/api/v1/services", Ct)).JsonAsync();

            Names(list).ShouldBe(services, userName);
            var all = list.GetProperty("items").EnumerateArray().ToList();
            all.ShouldAllBe(s => Keys(s).SequenceEqual(new[] { "id", "name", "description", "catalogItems" }));
            all.SelectMany(s => s.GetProperty("catalogItems").EnumerateArray().Select(i => i.GetProperty("name").GetString())).ShouldBe(items);
            list.GetRawText().ShouldNotContain("\"owner\"", Case.Insensitive);
            list.GetRawText().ShouldNotContain("minor", Case.Insensitive);
        }
    }

    [Fact]
    public async Task Requester_ServiceNotOfferedOrCmdb_NotFoundOrForbidden()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");
        using var requester = await app.ClientForAsync("requester");
        var pipeline = await IdAsync(admin, "/api/v1/services", "Customer Self-Service Portal");
        var remote = await IdAsync(admin, "/api/v1/services", "Remote Access");
        var vpnItem = await IdAsync(admin, "/api/v1/catalog-items", "VPN access");

        await (await requester.GetAsync($"/api/v1/services/{pipeline}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await requester.GetAsync($"/api/v1/services/{remote}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await requester.GetAsync($"/api/v1/catalog-items/{vpnItem}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await requester.GetAsync("/api/v1/configuration-items", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await requester.PostAsJsonAsync("/api/v1/services", new { name = "Shadow IT" }, Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Owner_PatchOwnService_SavedWithNewETagButNotSomeoneElses()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var owner = await app.ClientForAsync("owner");
        var mine = await IdAsync(owner, "/api/v1/services", "Workplace Services");
        var admins = await IdAsync(owner, "/api/v1/services", "Customer Self-Service Portal");
        var etag = (await owner.GetAsync($"/api/v1/services/{mine}", Ct)).Headers.ETag!.Tag;

        var noIfMatch = await owner.PatchAsJsonAsync($"/api/v1/services/{mine}", new { criticality = 1 }, Ct);
        var patched = await Patch(owner, $"/api/v1/services/{mine}", etag, new { criticality = 1, description = "Laptops and phones that just work." });
        var stale = await Patch(owner, $"/api/v1/services/{mine}", etag, new { criticality = 4 });
        var badField = await Patch(owner, $"/api/v1/services/{mine}", patched.Headers.ETag!.Tag, new { criticality = "high", costs = 1 });
        var otherEtag = (await owner.GetAsync($"/api/v1/services/{admins}", Ct)).Headers.ETag!.Tag;
        var notMine = await Patch(owner, $"/api/v1/services/{admins}", otherEtag, new { criticality = 1 });

        await noIfMatch.ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired, "precondition_required");
        (await patched.JsonAsync()).GetProperty("criticality").GetInt32().ShouldBe(1);
        patched.Headers.ETag!.Tag.ShouldNotBe(etag);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        var errors = (await badField.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Keys(errors).ShouldBe(["criticality", "costs"], ignoreOrder: true);
        await notMine.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Owner_PatchCostItemAndShare_SavedAndValidatedAgainstTheOtherConsumers()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var owner = await app.ClientForAsync("owner");
        var id = await IdAsync(owner, "/api/v1/services", "Workplace Services");
        var item = (await (await owner.GetAsync($"/api/v1/services/{id}/cost-items", Ct)).JsonAsync()).GetProperty("items")[0];
        var consumers = (await (await owner.GetAsync($"/api/v1/services/{id}/consumers", Ct)).JsonAsync()).GetProperty("items");
        var finance = consumers.EnumerateArray().Single(c => c.GetProperty("businessUnit").GetProperty("name").GetString() == "Finance");
        string Tag(System.Text.Json.JsonElement e) => $"\"{e.GetProperty("version").GetInt64()}\"";

        var patched = await Patch(owner, $"/api/v1/services/{id}/cost-items/{item.GetProperty("id").GetString()}", Tag(item), new { monthly = new { minor = 2_500_00 } });
        var stale = await Patch(owner, $"/api/v1/services/{id}/cost-items/{item.GetProperty("id").GetString()}", Tag(item), new { name = "Again" });
        var tooMuch = await Patch(owner, $"/api/v1/services/{id}/consumers/{finance.GetProperty("id").GetString()}", Tag(finance), new { share = 0.5 });
        var fine = await Patch(owner, $"/api/v1/services/{id}/consumers/{finance.GetProperty("id").GetString()}", Tag(finance), new { share = 0.35 });

        (await patched.JsonAsync()).GetProperty("monthly").GetProperty("minor").GetInt64().ShouldBe(2_500_00);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "concurrency_conflict");
        await tooMuch.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await fine.JsonAsync()).GetProperty("share").GetDecimal().ShouldBe(0.35m);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("exec")]
    [InlineData("leader")]
    public async Task NonEditor_ChangeService_Forbidden(string userName)
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var client = await app.ClientForAsync(userName);
        var id = await IdAsync(client, "/api/v1/services", "Workplace Services");

        await (await client.PostAsJsonAsync($"/api/v1/services/{id}/cost-items", new { name = "Sneaky", category = "Other", monthly = new { minor = 100 } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.PostAsJsonAsync($"/api/v1/services/{id}/transitions", new { to = "Retired" }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Owner_Lifecycle_IllegalMoveIsConflictAndLegalOneIsSaved()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var admin = await app.ClientForAsync("admin");
        var id = await IdAsync(admin, "/api/v1/services", "Workplace Services");

        var illegal = await admin.PostAsJsonAsync($"/api/v1/services/{id}/transitions", new { to = "Pipeline" }, Ct);
        var retired = await admin.PostAsJsonAsync($"/api/v1/services/{id}/transitions", new { to = "Retired" }, Ct);

        var problem = await illegal.ShouldBeProblemAsync(HttpStatusCode.Conflict, "illegal_transition");
        problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Retired"]);
        (await retired.JsonAsync()).GetProperty("lifecycle").GetString().ShouldBe("Retired");
        using var requester = await app.ClientForAsync("requester");
        Names(await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).ShouldBeEmpty();
        using var agent = await app.ClientForAsync("agent");
        var history = await (await agent.GetAsync($"/api/v1/services/{id}/history", Ct)).JsonAsync();
        var line = history.GetProperty("items")[0];
        line.GetProperty("userName").GetString().ShouldBe("admin");
        // The audit trail writes enums by their number (Retired = 2); that is the platform's format, not ours to change here.
        line.GetProperty("changes").GetProperty("lifecycle").GetProperty("after").GetString().ShouldBe("Retired");
        history.GetRawText().ShouldNotContain("minor", Case.Insensitive);
    }

    internal static Task<HttpResponseMessage> Patch(HttpClient client, string path, string etag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        return client.SendAsync(request, Ct);
    }
}
