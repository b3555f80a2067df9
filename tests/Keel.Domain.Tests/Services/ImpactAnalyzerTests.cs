using Keel.Domain.Services.Configuration;
using Keel.Domain.Services.Impact;

namespace Keel.Domain.Tests.Services;

public sealed class ImpactAnalyzerTests
{
    [Fact]
    public void Analyze_Chain_AffectsEveryCiUpTheChainWithItsPath()
    {
        var cmdb = new TestCmdb().Chain("db", "app", "web");

        var report = cmdb.Fail("db");

        cmdb.Cis(report).ShouldBe(["app", "web"]);
        cmdb.PathTo(report, "web").ShouldBe(["db", "app", "web"]);
        report.PathTo(cmdb.Id("web"))!.Via.ShouldBe([RelationshipType.DependsOn, RelationshipType.DependsOn]);
        report.ConfigurationItems[1].Depth.ShouldBe(2);
        cmdb.Name(report.ConfigurationItems[1].ReachedFromCiId).ShouldBe("app");
        report.Truncated.ShouldBeFalse();
    }

    [Fact]
    public void Analyze_FailureAtTheTopOfAChain_DoesNotAffectWhatItDependsOn()
    {
        var cmdb = new TestCmdb().Chain("db", "app", "web");

        cmdb.Cis(cmdb.Fail("web")).ShouldBeEmpty();
        cmdb.Cis(cmdb.Fail("app")).ShouldBe(["web"]);
    }

    [Theory]
    [InlineData(RelationshipType.DependsOn)]
    [InlineData(RelationshipType.RunsOn)]
    [InlineData(RelationshipType.ConnectsTo)]
    [InlineData(RelationshipType.HostedBy)]
    public void Analyze_EachRelationshipType_CarriesAFailureFromTheToSideToTheFromSideOnly(RelationshipType type)
    {
        var cmdb = new TestCmdb().Rel("upper", type, "lower");

        var lowerFails = cmdb.Fail("lower");
        var upperFails = cmdb.Fail("upper");

        cmdb.Cis(lowerFails).ShouldBe(["upper"]);
        lowerFails.ConfigurationItems[0].Via.ShouldBe(type);
        cmdb.Cis(upperFails).ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_MixedTypes_FollowsTheRealisticStack()
    {
        var cmdb = new TestCmdb()
            .Rel("crm", RelationshipType.DependsOn, "crm-db")
            .Rel("crm-db", RelationshipType.RunsOn, "vm-17")
            .Rel("vm-17", RelationshipType.HostedBy, "esx-03")
            .Rel("esx-03", RelationshipType.ConnectsTo, "core-switch");

        var report = cmdb.Fail("core-switch");

        cmdb.PathTo(report, "crm").ShouldBe(["core-switch", "esx-03", "vm-17", "crm-db", "crm"]);
        report.PathTo(cmdb.Id("crm"))!.Via
            .ShouldBe([RelationshipType.ConnectsTo, RelationshipType.HostedBy, RelationshipType.RunsOn, RelationshipType.DependsOn]);
    }

    [Fact]
    public void Analyze_Diamond_ReportsTheJoinOnceAtItsShortestDepth()
    {
        var cmdb = new TestCmdb()
            .Rel("db-a", RelationshipType.RunsOn, "storage")
            .Rel("db-b", RelationshipType.RunsOn, "storage")
            .Rel("app", RelationshipType.DependsOn, "db-a")
            .Rel("app", RelationshipType.DependsOn, "db-b");

        var report = cmdb.Fail("storage");

        cmdb.Cis(report).ShouldBe(["db-a", "db-b", "app"]);
        cmdb.PathTo(report, "app").ShouldBe(["storage", "db-a", "app"]);
    }

    [Fact]
    public void Analyze_LongAndShortRoute_TakesTheShortPath()
    {
        var cmdb = new TestCmdb()
            .Chain("net", "a", "b", "c", "app")
            .Rel("app", RelationshipType.ConnectsTo, "net");

        cmdb.PathTo(cmdb.Fail("net"), "app").ShouldBe(["net", "app"]);
    }

    [Fact]
    public void Analyze_Cycle_TerminatesAndVisitsEachCiOnce()
    {
        var cmdb = new TestCmdb()
            .Rel("a", RelationshipType.DependsOn, "b")
            .Rel("b", RelationshipType.DependsOn, "c")
            .Rel("c", RelationshipType.DependsOn, "a")
            .Rel("outside", RelationshipType.DependsOn, "b");

        var report = cmdb.Fail("a");

        cmdb.Cis(report).ShouldBe(["c", "b", "outside"]);
        cmdb.PathTo(report, "outside").ShouldBe(["a", "c", "b", "outside"]);
    }

    [Fact]
    public void Analyze_SelfLoop_AffectsNothingElseAndTerminates()
    {
        var cmdb = new TestCmdb()
            .Rel("a", RelationshipType.DependsOn, "a")
            .Rel("b", RelationshipType.DependsOn, "a")
            .Rel("b", RelationshipType.DependsOn, "b");

        cmdb.Cis(cmdb.Fail("a")).ShouldBe(["b"]);
        cmdb.Cis(cmdb.Fail("b")).ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_DepthLimit_StopsThereAndSaysSomethingWasLeftOut()
    {
        var cmdb = new TestCmdb().Chain("c0", "c1", "c2", "c3", "c4").Delivers("c4", "portal").Consumes("sales", "portal");

        var report = cmdb.Fail("c0", maxDepth: 2);

        cmdb.Cis(report).ShouldBe(["c1", "c2"]);
        cmdb.Services(report).ShouldBeEmpty();
        cmdb.Units(report).ShouldBeEmpty();
        report.MaxDepth.ShouldBe(2);
        report.Truncated.ShouldBeTrue();
    }

    [Fact]
    public void Analyze_DepthLimitReachingTheEnd_IsNotTruncated()
    {
        var cmdb = new TestCmdb().Chain("c0", "c1", "c2");

        var report = cmdb.Fail("c0", maxDepth: 2);

        cmdb.Cis(report).ShouldBe(["c1", "c2"]);
        report.Truncated.ShouldBeFalse();
    }

    [Fact]
    public void Analyze_DepthZero_ReportsOnlyTheFailedCisOwnServices()
    {
        var cmdb = new TestCmdb().Chain("db", "app").Delivers("db", "reporting").Delivers("app", "crm");

        var report = cmdb.Fail("db", maxDepth: 0);

        cmdb.Cis(report).ShouldBeEmpty();
        cmdb.Services(report).ShouldBe(["reporting"]);
        report.Services[0].Path.CiIds.ShouldBe([cmdb.Id("db")]);
        report.Truncated.ShouldBeTrue();
    }

    [Fact]
    public void Analyze_NegativeDepth_IsRefused()
    {
        var cmdb = new TestCmdb().Chain("db", "app");

        Should.Throw<ArgumentOutOfRangeException>(() => cmdb.Fail("db", maxDepth: -1));
    }

    [Fact]
    public void Analyze_UnrelatedCis_AreUntouched()
    {
        var cmdb = new TestCmdb()
            .Chain("db", "app").Delivers("app", "crm").Consumes("sales", "crm")
            .Chain("mail-db", "mail").Delivers("mail", "email").Consumes("finance", "email");

        var report = cmdb.Fail("db");

        cmdb.Cis(report).ShouldBe(["app"]);
        cmdb.Services(report).ShouldBe(["crm"]);
        cmdb.Units(report).ShouldBe(["sales"]);
    }

    [Fact]
    public void Analyze_ServiceDeliveredBySeveralAffectedCis_IsReportedOnceThroughTheNearest()
    {
        var cmdb = new TestCmdb().Chain("db", "api", "web").Delivers("web", "shop").Delivers("api", "shop");

        var report = cmdb.Fail("db");

        report.Services.ShouldHaveSingleItem();
        cmdb.Name(report.Services[0].ViaCiId).ShouldBe("api");
        cmdb.Path(report.Services[0].Path).ShouldBe(["db", "api"]);
    }

    [Fact]
    public void Analyze_ServiceOfTheFailedCiItself_IsAffectedAtDepthZero()
    {
        var cmdb = new TestCmdb().Delivers("mail", "email").Consumes("sales", "email");

        var report = cmdb.Fail("mail");

        cmdb.Services(report).ShouldBe(["email"]);
        report.Services[0].Path.Depth.ShouldBe(0);
        cmdb.Units(report).ShouldBe(["sales"]);
    }

    [Fact]
    public void Analyze_BusinessUnits_ListEveryAffectedServiceTheyConsumeNearestFirst()
    {
        var cmdb = new TestCmdb()
            .Chain("net", "db", "crm").Rel("mail", RelationshipType.ConnectsTo, "net")
            .Delivers("crm", "crm-service").Delivers("mail", "email")
            .Consumes("sales", "crm-service").Consumes("sales", "email")
            .Consumes("finance", "crm-service")
            .Consumes("legal", "archive");

        var report = cmdb.Fail("net");

        cmdb.Services(report).ShouldBe(["email", "crm-service"]);
        cmdb.Units(report).ShouldBe(["sales", "finance"]);
        var sales = report.BusinessUnits[0];
        sales.ServiceIds.Select(cmdb.Name).ShouldBe(["email", "crm-service"]);
        cmdb.Name(sales.ViaServiceId).ShouldBe("email");
        cmdb.Path(sales.Path).ShouldBe(["net", "mail"]);
        cmdb.Path(report.BusinessUnits[1].Path).ShouldBe(["net", "db", "crm"]);
    }

    [Fact]
    public void PathTo_FailedCiOrUnreachedCi_IsTheCiItselfOrNothing()
    {
        var cmdb = new TestCmdb().Chain("db", "app").Chain("other", "more");

        var report = cmdb.Fail("db");

        cmdb.Path(report.PathTo(cmdb.Id("db"))!).ShouldBe(["db"]);
        report.PathTo(cmdb.Id("more")).ShouldBeNull();
    }

    [Fact]
    public void Analyze_UnknownCi_AffectsNothing()
    {
        var cmdb = new TestCmdb().Chain("db", "app");

        var report = cmdb.Fail("never-related");

        report.ConfigurationItems.ShouldBeEmpty();
        report.Services.ShouldBeEmpty();
        report.BusinessUnits.ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_OneGraphManyAnalyses_EachStartsClean()
    {
        var cmdb = new TestCmdb().Chain("a", "b", "c").Chain("x", "y");
        var graph = cmdb.Build();

        for (var round = 0; round < 3; round++)
        {
            ImpactAnalyzer.Analyze(graph, cmdb.Id("a")).ConfigurationItems.Count.ShouldBe(2);
            ImpactAnalyzer.Analyze(graph, cmdb.Id("x")).ConfigurationItems.Select(c => cmdb.Name(c.CiId)).ShouldBe(["y"]);
            ImpactAnalyzer.Analyze(graph, cmdb.Id("c")).ConfigurationItems.ShouldBeEmpty();
        }
    }
}
