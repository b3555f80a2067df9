using System.Globalization;
using Bunit;
using Keel.Web.Components.Shared.Charts;

namespace Keel.Web.Tests.Components.Charts;

public sealed class TrendChartTests : ComponentTest
{
    private static readonly DateOnly[] SixMonths = Enumerable.Range(0, 6).Select(i => new DateOnly(2026, 1, 1).AddMonths(i)).ToArray();

    private IRenderedComponent<TrendChart> RenderWith(IReadOnlyList<TrendSeries> series, decimal? target = null, decimal? min = null, decimal? max = null) =>
        Render<TrendChart>(p => p.Add(c => c.Months, SixMonths).Add(c => c.Series, series).Add(c => c.Target, target)
            .Add(c => c.Min, min).Add(c => c.Max, max).Add(c => c.Title, "Experience score"));

    [Fact]
    public void TrendChart_MonthWithoutValue_LeavesAGapInTheLine()
    {
        var chart = RenderWith([new TrendSeries("Score", [70m, 72m, null, 75m, 78m, 80m])]);

        var path = chart.Find("g.series path.line").GetAttribute("d")!;
        path.Count(c => c == 'M').ShouldBe(2);
        chart.FindAll("g.series circle.dot").Count.ShouldBe(5);
        chart.FindAll("g.series circle.dot title").Select(t => t.TextContent).ShouldNotContain(t => t.Contains("Mar 26"));
    }

    [Fact]
    public void TrendChart_Months_AreLabelledShortMonthAndYear()
    {
        var chart = RenderWith([new TrendSeries("Score", [70m, 72m, 74m, 75m, 78m, 80m])]);

        chart.FindAll(".grid text.tick").Select(t => t.TextContent).ShouldContain("Jan 26");
        chart.FindAll(".grid text.tick").Select(t => t.TextContent).ShouldContain("Jun 26");
        chart.Find("circle.dot title").TextContent.ShouldBe("Score, Jan 26: 70");
        chart.Find("svg").GetAttribute("aria-label").ShouldBe("Experience score, Jan 26 to Jun 26: Score from 70 to 80");
    }

    [Fact]
    public void TrendChart_Target_IsDrawnAtItsValueAndInTheLegend()
    {
        var chart = RenderWith([new TrendSeries("Score", [70m, 72m, 74m, 75m, 78m, 80m])], target: 75m, min: 0m, max: 100m);

        var line = chart.Find("line.target-line");
        var ticks = chart.FindAll(".grid text.tick").Where(t => t.TextContent is "0" or "100").ToList();
        var (zero, hundred) = (double.Parse(ticks[0].GetAttribute("y")!, CultureInfo.InvariantCulture) - 4,
            double.Parse(ticks[1].GetAttribute("y")!, CultureInfo.InvariantCulture) - 4);
        double.Parse(line.GetAttribute("y1")!, CultureInfo.InvariantCulture).ShouldBe(zero + (hundred - zero) * 0.75, 0.01);
        chart.Find("text.target-label").TextContent.ShouldBe("Target 75");
        chart.FindAll(".keel-chart-legend li").Select(li => li.TextContent).ShouldBe(["Score", "Target"]);
    }

    [Fact]
    public void TrendChart_NoValues_SaysSoInsteadOfAnEmptyFrame()
    {
        var chart = RenderWith([new TrendSeries("Score", [null, null, null, null, null, null])]);

        chart.FindAll("svg").ShouldBeEmpty();
        chart.Find("p.keel-chart-empty").TextContent.ShouldBe("No data for this period");
    }

    [Fact]
    public void TrendChart_MoneyFormat_WritesTicksAndTooltipsInTheCurrency()
    {
        var chart = Render<TrendChart>(p => p.Add(c => c.Months, SixMonths)
            .Add(c => c.Series, [new TrendSeries("Cost", [8_000m, 15_500m, 18_000m, 17_000m, 16_000m, 20_000m])])
            .Add(c => c.Format, v => Keel.Web.Components.Shared.FigureFormat.Money(v, "EUR")));

        chart.FindAll(".grid text.tick").Select(t => t.TextContent).ShouldContain("€0");
        chart.FindAll(".grid text.tick").Select(t => t.TextContent).ShouldContain("€20k");
        chart.FindAll("circle.dot title")[1].TextContent.ShouldBe("Cost, Feb 26: €16k");
    }

    [Fact]
    public void TrendChart_SeriesNameWithMarkup_IsShownAsText()
    {
        var chart = RenderWith([new TrendSeries("<b>bold</b>", [1m, 2m, 3m, 4m, 5m, 6m]), new TrendSeries("Other", [2m, 3m, 4m, 5m, 6m, 7m])]);

        chart.FindAll("b").ShouldBeEmpty();
        chart.Find(".keel-chart-legend li").TextContent.ShouldBe("<b>bold</b>");
    }

    [Fact]
    public void TrendChart_CloseValues_TickLabelsAreDistinctAndPrecise()
    {
        var chart = RenderWith([new TrendSeries("Score", [76.5m, 77m, 76m, 76.5m, 77m, 77.5m])]);

        var labels = chart.FindAll(".grid text.tick").Select(t => t.TextContent).Where(t => !t.Contains(' ')).ToList();
        labels.ShouldBeUnique();
        labels.ShouldContain("76.5");
        chart.Find("circle.dot title").TextContent.ShouldBe("Score, Jan 26: 76.5");
    }

    [Fact]
    public void TrendChart_MoneyCoarserThanTheStep_WritesEachTickLabelOnce()
    {
        var chart = Render<TrendChart>(p => p.Add(c => c.Months, SixMonths)
            .Add(c => c.Series, [new TrendSeries("Cost", [1_210m, 1_240m, 1_260m, 1_300m, 1_280m, 1_330m])])
            .Add(c => c.Format, v => Keel.Web.Components.Shared.FigureFormat.Money(v, "EUR")));

        chart.FindAll(".grid text.tick").Select(t => t.TextContent).Where(t => t.StartsWith('€')).ShouldBeUnique();
    }
}
