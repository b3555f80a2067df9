using Bunit;
using Keel.Web.Components.Shared.Charts;

namespace Keel.Web.Tests.Components.Charts;

public sealed class SmallChartsTests : ComponentTest
{
    [Fact]
    public void BarList_Units_BarsAreAsLongAsTheirShareOfTheLargestAndLinkToTheUnit()
    {
        var list = Render<BarList>(p => p.Add(c => c.Title, "Spend by business unit").Add(c => c.Items,
        [
            new BarItem("Finance", 20_000m, "€20k", "/units/1"),
            new BarItem("Sales", 5_000m, "€5k"),
        ]));

        var rows = list.FindAll("li.keel-bar-row");
        rows.Select(r => r.QuerySelector("rect.fill")!.GetAttribute("width")).ShouldBe(["100", "25"]);
        rows[0].QuerySelector("a")!.GetAttribute("href").ShouldBe("/units/1");
        rows[1].QuerySelector("a").ShouldBeNull();
        rows.Select(r => r.QuerySelector(".keel-bar-value")!.TextContent).ShouldBe(["€20k", "€5k"]);
        list.Find("ul").GetAttribute("aria-label").ShouldBe("Spend by business unit");
    }

    [Fact]
    public void BarList_Empty_SaysSo()
    {
        Render<BarList>(p => p.Add(c => c.Items, [])).Find("p.keel-chart-empty").TextContent.ShouldBe("No data for this period");
    }

    [Fact]
    public void BarList_LabelWithMarkup_IsShownAsText()
    {
        var list = Render<BarList>(p => p.Add(c => c.Items, [new BarItem("<img src=x onerror=alert(1)>", 1m, "1")]));

        list.FindAll("img").ShouldBeEmpty();
        list.Find(".keel-bar-label").TextContent.ShouldBe("<img src=x onerror=alert(1)>");
    }

    [Fact]
    public void Sparkline_Values_NamesFirstAndLatestAndBreaksAtGaps()
    {
        var line = Render<Sparkline>(p => p.Add(c => c.Label, "Experience score").Add(c => c.Values, [70m, null, 74m, 76m, 81m]));

        line.Find("svg").GetAttribute("aria-label").ShouldBe("Experience score: from 70 to 81");
        line.Find("path.line").GetAttribute("d")!.Count(c => c == 'M').ShouldBe(1);
        line.Find("path.line").GetAttribute("d")!.Count(c => c == 'L').ShouldBe(2);
    }

    [Fact]
    public void Sparkline_NoValues_ShowsADash()
    {
        var line = Render<Sparkline>(p => p.Add(c => c.Label, "Cost").Add(c => c.Values, [null, null]));

        line.FindAll("svg").ShouldBeEmpty();
        line.Markup.ShouldContain("—");
    }
}
