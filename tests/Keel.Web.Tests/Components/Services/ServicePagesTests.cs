using System.Reflection;
using Bunit;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Services.Configuration;
using Keel.Web.Auth;
using Keel.Web.Components.Pages.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace Keel.Web.Tests.Components.Services;

public sealed class ServicePagesTests : ComponentTest
{
    private static readonly IReadOnlyList<Type> Pages = typeof(Policies).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes<RouteAttribute>().Any()).ToList();

    [Theory]
    [InlineData("/services", Policies.Services)]
    [InlineData("/services/{Id:guid}", Policies.ServiceReaders)]
    [InlineData("/configuration-items", Policies.ServiceReaders)]
    [InlineData("/configuration-items/{Id:guid}", Policies.ServiceReaders)]
    [InlineData("/portal/catalogue/{Id:guid}", Policies.Portal)]
    public void Pages_ServicesAndPortal_RequireTheirPolicy(string route, string policy)
    {
        var page = Pages.Single(p => p.GetCustomAttributes<RouteAttribute>().Any(r => r.Template == route));
        page.GetCustomAttribute<AuthorizeAttribute>()!.Policy.ShouldBe(policy);
    }

    [Fact]
    public void ImpactReport_ListsAffectedCisWithDepthServicesAndUnitsWithPaths()
    {
        var db = new Ref(Guid.NewGuid(), "crm-db");
        var app = new Ref(Guid.NewGuid(), "crm-app");
        var crm = new Ref(Guid.NewGuid(), "CRM");
        var sales = new Ref(Guid.NewGuid(), "Sales");
        var path = new ImpactPathView([db, app], [RelationshipType.DependsOn]);
        var impact = new ImpactView(db, null, false,
            [new ImpactCiView(app.Id, app.Name, CiTypes.Application, 1, db.Id, RelationshipType.DependsOn)],
            [new ImpactServiceView(crm, app, path)],
            [new ImpactBusinessUnitView(sales, crm, [crm], path)]);

        var report = Render<ImpactReportView>(p => p.Add(r => r.Impact, impact));

        var row = report.Find("tbody tr");
        row.TextContent.ShouldContain("crm-app");
        row.QuerySelectorAll("td")[1].TextContent.Trim().ShouldBe("1");
        row.TextContent.ShouldContain("depends on crm-db");
        report.Markup.ShouldContain("Services (1)");
        report.Markup.ShouldContain("Business units (1)");
        report.FindAll("[aria-label=Path]").ShouldAllBe(p => p.TextContent.Contains("crm-db") && p.TextContent.Contains("← depends on · crm-app"));
        report.Find($"a[href='/services/{crm.Id}']").TextContent.ShouldBe("CRM");
    }

    [Fact]
    public void ImpactReport_Truncated_SaysWhereItStopped()
    {
        var ci = new Ref(Guid.NewGuid(), "esx-01");
        var report = Render<ImpactReportView>(p => p.Add(r => r.Impact, new ImpactView(ci, 2, true, [], [], [])));

        report.Markup.ShouldContain("stopped at depth 2");
        report.Markup.ShouldContain("No service is affected.");
    }
}
