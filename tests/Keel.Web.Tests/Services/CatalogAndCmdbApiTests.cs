using System.Net;
using System.Net.Http.Json;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Services;

public sealed class CatalogAndCmdbApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Owner_BadFormDefinition_FieldErrorsAndNothingWritten(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var owner = await app.ClientForAsync("owner");
        var service = await IdAsync(owner, "/api/v1/services", "Workplace Services");
        var before = (await (await owner.GetAsync("/api/v1/catalog-items", Ct)).JsonAsync()).GetProperty("items").GetArrayLength();

        var response = await owner.PostAsJsonAsync("/api/v1/catalog-items", new
        {
            serviceId = service, name = "Broken", description = "Broken form.",
            form = new { fields = new object[] { new { key = "size", label = "Size", type = "Choice", options = Array.Empty<string>() }, new { key = "size", label = "Again", type = "Text" } } },
        }, Ct);

        var errors = (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["form.fields[0].options", "form.fields[1].key"], ignoreOrder: true);
        (await (await owner.GetAsync("/api/v1/catalog-items", Ct)).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(before);
    }

    [Fact]
    public async Task Requester_ValidateAnswers_NormalizedOrAnswerFieldErrors()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var requester = await app.ClientForAsync("requester");
        var services = await (await requester.GetAsync("/api/v1/services", Ct)).JsonAsync();
        var laptop = services.GetProperty("items")[0].GetProperty("catalogItems")[0].GetProperty("id").GetString();

        var good = await requester.PostAsJsonAsync($"/api/v1/catalog-items/{laptop}/validate",
            new { answers = new { model = "other", other_model = " X1 Carbon ", needed_by = "2026-04-01" } }, Ct);
        var bad = await requester.PostAsJsonAsync($"/api/v1/catalog-items/{laptop}/validate",
            new { answers = new { model = "Other", needed_by = "1 April", colour = "red" } }, Ct);

        (await good.JsonAsync()).GetProperty("answers").GetRawText().ShouldBe("""{"model":"Other","other_model":"X1 Carbon","needed_by":"2026-04-01"}""");
        var errors = (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["answers.other_model", "answers.needed_by", "answers.colour"], ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Agent_Impact_ServicesAndBusinessUnitsWithPaths(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var agent = await app.ClientForAsync("agent");
        var core = await IdAsync(agent, "/api/v1/configuration-items", "core-switch-01");

        var impact = await (await agent.GetAsync($"/api/v1/configuration-items/{core}/impact", Ct)).JsonAsync();

        impact.GetProperty("configurationItems").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("depth").GetInt32()))
            .ShouldBe([("vpn-gateway-01", 1), ("esx-01", 1), ("vm-mdm-01", 2), ("Device Management", 3)], ignoreOrder: true);
        impact.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("service").GetProperty("name").GetString())
            .ShouldBe(["Remote Access", "Workplace Services"], ignoreOrder: true);
        var workplace = impact.GetProperty("services").EnumerateArray()
            .Single(s => s.GetProperty("service").GetProperty("name").GetString() == "Workplace Services").GetProperty("path");
        workplace.GetProperty("cis").EnumerateArray().Select(c => c.GetProperty("name").GetString())
            .ShouldBe(["core-switch-01", "esx-01", "vm-mdm-01", "Device Management"]);
        workplace.GetProperty("via").EnumerateArray().Select(v => v.GetString()).ShouldBe(["ConnectsTo", "HostedBy", "RunsOn"]);
        impact.GetProperty("businessUnits").EnumerateArray().Select(b => b.GetProperty("businessUnit").GetProperty("name").GetString())
            .ShouldBe(["Finance", "Sales"], ignoreOrder: true);
    }

    [Theory, DatabaseData]
    public async Task Owner_DeleteRelatedCi_ConflictWithReasonUntilTheRelationshipIsGone(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var owner = await app.ClientForAsync("owner");
        using var agent = await app.ClientForAsync("agent");
        var vpn = await IdAsync(owner, "/api/v1/configuration-items", "vpn-gateway-01");

        var refused = await owner.DeleteAsync($"/api/v1/configuration-items/{vpn}", Ct);
        var byAgent = await agent.DeleteAsync($"/api/v1/configuration-items/{vpn}", Ct);
        var relationships = await (await owner.GetAsync($"/api/v1/configuration-items/{vpn}/relationships", Ct)).JsonAsync();
        var relationship = relationships.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString();
        var unlinked = await owner.DeleteAsync($"/api/v1/configuration-items/{vpn}/relationships/{relationship}", Ct);
        var deleted = await owner.DeleteAsync($"/api/v1/configuration-items/{vpn}", Ct);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "conflict");
        problem.GetProperty("detail").GetString()!.ShouldContain("relationship");
        await byAgent.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        unlinked.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await owner.GetAsync($"/api/v1/configuration-items/{vpn}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Owner_AddRelationship_ImpactSeesItAtOnce()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var owner = await app.ClientForAsync("owner");
        var core = await IdAsync(owner, "/api/v1/configuration-items", "core-switch-01");
        var before = await (await owner.GetAsync($"/api/v1/configuration-items/{core}/impact", Ct)).JsonAsync();
        var created = await (await owner.PostAsJsonAsync("/api/v1/configuration-items",
            new { name = "printer-01", type = "printer", attributes = new { floor = "3" } }, Ct)).JsonAsync();

        var related = await owner.PostAsJsonAsync($"/api/v1/configuration-items/{created.GetProperty("id").GetString()}/relationships",
            new { type = "ConnectsTo", toId = core }, Ct);
        var after = await (await owner.GetAsync($"/api/v1/configuration-items/{core}/impact", Ct)).JsonAsync();

        created.GetProperty("type").GetString().ShouldBe("Printer");
        related.StatusCode.ShouldBe(HttpStatusCode.Created);
        after.GetProperty("configurationItems").GetArrayLength().ShouldBe(before.GetProperty("configurationItems").GetArrayLength() + 1);
    }
}
