using System.Reflection;
using Bunit;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform;
using Keel.Domain.Services.Configuration;
using Keel.Web.Auth;
using Keel.Web.Components.Pages.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;

namespace Keel.Web.Tests.Components.Services;

public sealed class CiImportPageTests(DatabaseFixture databases) : LiveComponentTest(databases)
{
    private static void Upload(IRenderedComponent<CiImport> page, string csv, string name = "cis.csv") =>
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, name, contentType: "text/csv"));

    private static void ClickImport(IRenderedComponent<CiImport> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Import").Click();

    [Theory]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.ServiceOwner, true)]
    [InlineData(Roles.Agent, false)]
    [InlineData(Roles.TeamLead, false)]
    [InlineData(Roles.Requester, false)]
    public async Task ImportPage_Policy_LetsEditorsInAndRefusesAgents(string role, bool allowed)
    {
        typeof(CiImport).GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(Policies.ServiceEditors);

        (await CatalogItemsPageTests.PolicyAllowsAsync(Policies.ServiceEditors, role)).ShouldBe(allowed);
    }

    [Fact]
    public async Task ImportPage_Editor_ShowsTheColumnsTheImporterReads()
    {
        var database = await SignInAsync("owner");

        var page = Render<CiImport>();

        var columns = page.Find("[data-testid=expected-columns]");
        foreach (var column in CiImportService.CiColumns)
        {
            columns.TextContent.ShouldContain(column.Name);
        }
        page.Find("[data-testid=example-csv]").TextContent.ShouldBe(CiImportService.ExampleCsv(CiImportService.CiColumns));

        page.FindAll("input[type=radio]")[1].Click();

        page.WaitForAssertion(() => page.Find("[data-testid=example-csv]").TextContent.ShouldStartWith("from,type,to"));
    }

    [Fact]
    public async Task ImportPage_EditorUploadsFileWithABadRow_ReportCountsAndNamesTheBadLine()
    {
        var database = await SignInAsync("owner");
        var page = Render<CiImport>();

        Upload(page, "name,type,status\nimported-app,Application,Active\nimported-db,Database,Sleeping\nesx-01,Server,Maintenance\n");
        page.WaitForAssertion(() => page.Find("[data-testid=chosen-file]").TextContent.ShouldContain("cis.csv"));
        ClickImport(page);

        page.WaitForAssertion(() => page.Find("[data-testid=import-report]"));
        var figures = page.FindAll(".keel-figure").Select(f => f.TextContent.Trim()).ToList();
        figures.ShouldBe(["1", "1", "1"]);
        var bad = page.Find("[data-testid=rejected-rows] tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        bad[0].ShouldBe("3");
        bad[1].ShouldContain("status");
        await using var db = database.NewDbContext();
        (await db.Set<ConfigurationItem>().SingleAsync(c => c.Name == "esx-01", Ct)).Status.ShouldBe(CiStatus.Maintenance);
        (await db.Set<ConfigurationItem>().AnyAsync(c => c.Name == "imported-db", Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task ImportPage_FileOverFiveMegabytes_RefusedBeforeAnythingIsRead()
    {
        var database = await SignInAsync("owner");
        var page = Render<CiImport>();

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[CiImport.MaxFileBytes + 1], "huge.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => page.Find("[role=alert]").TextContent.ShouldContain("at most 5 MB"));
        page.FindAll("[data-testid=chosen-file]").ShouldBeEmpty();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Import").HasAttribute("disabled").ShouldBeTrue();
    }
}
