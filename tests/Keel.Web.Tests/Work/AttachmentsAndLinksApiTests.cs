using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;

namespace Keel.Web.Tests.Work;

public sealed class AttachmentsAndLinksApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> RaiseAsync(HttpClient requester, string title)
    {
        var serviceId = (await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();
        var created = await (await requester.PostAsJsonAsync("/api/v1/incidents", new { title, serviceId, impact = 3, urgency = 3 }, Ct)).JsonAsync();
        return created.GetProperty("number").GetString()!;
    }

    private static MultipartFormDataContent File(string name, byte[] bytes, string contentType = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { content, "file", name } };
    }

    [Fact]
    public async Task Attachments_AllowedFileStoredAndServedSafely_TooBigOrRefusedTypeStoresNothing()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var requester2 = await app.ClientForAsync("requester2");
        var number = await RaiseAsync(requester, "Screen flickers");
        var path = $"/api/v1/incidents/{number}/attachments";

        var stored = await requester.PostAsync(path, File("screen.png", [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], "text/html"), Ct);
        var tooBig = await requester.PostAsync(path, File("dump.log", new byte[40_000]), Ct);
        var script = await requester.PostAsync(path, File("run.html", "<script>alert(1)</script>"u8.ToArray()), Ct);
        var nothing = await requester.PostAsync(path, new StringContent("{}"), Ct);

        stored.StatusCode.ShouldBe(HttpStatusCode.Created);
        var view = await stored.JsonAsync();
        (view.GetProperty("fileName").GetString(), view.GetProperty("contentType").GetString(), view.GetProperty("size").GetInt64()).ShouldBe(("screen.png", "image/png", 7L));
        (await tooBig.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("file").GetArrayLength().ShouldBe(1);
        await script.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await nothing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await (await requester.GetAsync(path, Ct)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(1);

        var download = await requester.GetAsync(stored.Headers.Location, Ct);
        (await download.Content.ReadAsByteArrayAsync(Ct)).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 });
        download.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        await (await requester2.GetAsync(stored.Headers.Location, Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await requester2.PostAsync(path, File("x.png", [1]), Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Links_AgentLinksBothWays_RequesterRefusedAndBadTargetsExplained()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        using var agent = await app.ClientForAsync("agent");
        var first = await RaiseAsync(requester, "Mail slow");
        var second = await RaiseAsync(requester, "Calendar slow");

        var linked = await agent.PostAsJsonAsync($"/api/v1/incidents/{second}/links", new { type = "RelatedTo", number = first.ToLowerInvariant() }, Ct);
        var self = await agent.PostAsJsonAsync($"/api/v1/incidents/{second}/links", new { type = "RelatedTo", number = second }, Ct);
        var again = await agent.PostAsJsonAsync($"/api/v1/incidents/{second}/links", new { type = "RelatedTo", number = first }, Ct);
        var duplicate = await agent.PostAsJsonAsync($"/api/v1/incidents/{second}/links", new { type = "DuplicateOf", number = first }, Ct);

        linked.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await self.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("number")[0].GetString().ShouldBe("is this item itself.");
        await again.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        (await duplicate.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("type", out _).ShouldBeTrue();
        var fromFirst = (await (await agent.GetAsync($"/api/v1/incidents/{first}/links", Ct)).JsonAsync()).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (fromFirst.GetProperty("outgoing").GetBoolean(), fromFirst.GetProperty("item").GetProperty("number").GetString()).ShouldBe((false, second));
        await (await requester.GetAsync($"/api/v1/incidents/{first}/links", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
