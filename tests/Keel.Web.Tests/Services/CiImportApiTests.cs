using System.Net;
using System.Text;
using Keel.Application.Data;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Tests.Infrastructure;
using static Keel.Web.Tests.Services.ServicesApiTests;

namespace Keel.Web.Tests.Services;

public sealed class CiImportApiTests(DatabaseFixture databases)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Theory, DatabaseData]
    public async Task Owner_ImportCisAndRelationships_GoodRowsSavedBadRowsReportedByLine(DatabaseProvider provider)
    {
        await using var app = await KeelApp.StartAsync(databases, provider);
        using var owner = await app.ClientForAsync("owner");
        const string cis = """
            name,type,status,owner,services,attr.ip
            app-crm-01,Application,Active,owner,Workplace Services,10.0.0.5
            "db, crm",database,,,,10.0.0.6
            broken,,Active,,,
            esx-01,Server,Maintenance,,,10.9.9.9
            ghost,Server,Active,nobody,Nowhere,
            """;
        const string relationships = """
            from,type,to
            app-crm-01,DependsOn,"db, crm"
            "db, crm",RunsOn,esx-01
            app-crm-01,Loves,esx-01
            app-crm-01,DependsOn,missing
            """;

        var ciReport = await (await owner.PostAsync("/api/v1/configuration-items/import", Csv(cis), Ct)).JsonAsync();
        var relReport = await (await owner.PostAsync("/api/v1/configuration-items/relationships/import", Csv(relationships), Ct)).JsonAsync();

        ciReport.GetProperty("created").GetInt32().ShouldBe(2);
        ciReport.GetProperty("updated").GetInt32().ShouldBe(1);
        ciReport.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ShouldBe([4, 6]);
        ciReport.GetProperty("rejected")[1].GetProperty("reason").GetString()!.ShouldContain("nobody");
        relReport.GetProperty("created").GetInt32().ShouldBe(2);
        relReport.GetProperty("rejected").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()).ShouldBe([4, 5]);
        var db = await IdAsync(owner, "/api/v1/configuration-items", "db, crm");
        var esx = await IdAsync(owner, "/api/v1/configuration-items", "esx-01");
        var esxBody = await (await owner.GetAsync($"/api/v1/configuration-items/{esx}", Ct)).JsonAsync();
        esxBody.GetProperty("status").GetString().ShouldBe("Maintenance");
        esxBody.GetProperty("attributes").GetProperty("ip").GetString().ShouldBe("10.9.9.9");
        var impact = await (await owner.GetAsync($"/api/v1/configuration-items/{db}/impact", Ct)).JsonAsync();
        impact.GetProperty("services").EnumerateArray().Select(s => s.GetProperty("service").GetProperty("name").GetString()).ShouldBe(["Workplace Services"]);
    }

    [Fact]
    public async Task Agent_Import_Forbidden()
    {
        await using var app = await KeelApp.StartAsync(databases);
        using var agent = await app.ClientForAsync("agent");

        await (await agent.PostAsync("/api/v1/configuration-items/import", Csv("name,type\nx,Server\n"), Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
