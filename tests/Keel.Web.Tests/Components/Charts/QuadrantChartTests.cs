using System.Globalization;
using Bunit;
using Keel.Web.Components.Shared.Charts;

namespace Keel.Web.Tests.Components.Charts;

public sealed class QuadrantChartTests : ComponentTest
{
    private IRenderedComponent<QuadrantChart> RenderWith(params QuadrantPoint[] points) =>
        Render<QuadrantChart>(p => p.Add(c => c.Points, points).Add(c => c.Threshold, 75));

    private static double Number(string? text) => double.Parse(text!, CultureInfo.InvariantCulture);

    [Fact]
    public void QuadrantChart_Services_EachPointLinksToItsServiceWithItsFiguresInTheTitle()
    {
        var chart = RenderWith(
            new QuadrantPoint("Payroll", 82, 3.2m, "/services/1", Detail: "€18k"),
            new QuadrantPoint("Email", 60, 0.4m, "/services/2"));

        var links = chart.FindAll("svg a.point");
        links.Select(a => a.GetAttribute("href")).ShouldBe(["/services/1", "/services/2"], ignoreOrder: true);
        var payroll = links.Single(a => a.GetAttribute("href") == "/services/1");
        payroll.QuerySelector("title")!.TextContent.ShouldBe("Payroll: experience 82, value 3.2× of cost, €18k (valued and well experienced)");
        payroll.GetAttribute("aria-label").ShouldBe(payroll.QuerySelector("title")!.TextContent);
        links.Single(a => a.GetAttribute("href") == "/services/2").QuerySelector("title")!.TextContent
            .ShouldContain("review: costly and poorly experienced");
    }

    [Fact]
    public void QuadrantChart_RatioOfOne_SitsOnTheValueEqualsCostLine()
    {
        var chart = RenderWith(
            new QuadrantPoint("Even", 75, 1m, "/services/1"),
            new QuadrantPoint("Rich", 90, 150m, "/services/2"),
            new QuadrantPoint("Poor", 40, 0.05m, "/services/3"));

        var parity = chart.Find("line.divider.parity");
        var threshold = chart.Find("line.divider.threshold");
        var even = chart.Find("circle[data-label='Even']");
        Number(even.GetAttribute("cy")).ShouldBe(Number(parity.GetAttribute("y1")), 0.01);
        Number(even.GetAttribute("cx")).ShouldBe(Number(threshold.GetAttribute("x1")), 0.01);
    }

    [Fact]
    public void QuadrantChart_LogScale_DecadesAreEvenlySpaced()
    {
        var chart = RenderWith(new QuadrantPoint("A", 80, 0.2m, "/a"), new QuadrantPoint("B", 80, 200m, "/b"));

        var ticks = chart.FindAll(".grid text.tick").Where(t => t.TextContent.EndsWith('×')).ToList();
        ticks.Select(t => t.TextContent).ShouldBe(["0.1×", "1×", "10×", "100×", "1000×"]);
        var ys = ticks.Select(t => Number(t.GetAttribute("y"))).ToList();
        var gaps = ys.Zip(ys.Skip(1), (a, b) => a - b).ToList();
        gaps.ShouldAllBe(g => Math.Abs(g - gaps[0]) < 0.01);
        // 200 lies log10(2) of a decade above the 100× gridline (tick labels sit 4 below their gridline).
        Number(chart.Find("circle[data-label='B']").GetAttribute("cy")).ShouldBe(ys[3] - 4 - Math.Log10(2) * gaps[0], 0.05);
    }

    [Fact]
    public void QuadrantChart_PointWithoutRatioOrScore_IsListedBelowNotDrawn()
    {
        var chart = RenderWith(
            new QuadrantPoint("Drawn", 80, 2m, "/services/1"),
            new QuadrantPoint("No cost yet", 80, null, "/services/2"),
            new QuadrantPoint("No survey yet", null, 2m, "/services/3"));

        chart.FindAll("svg circle.dot").Count.ShouldBe(1);
        var note = chart.Find("p.keel-chart-note");
        note.QuerySelectorAll("a").Select(a => a.TextContent).ShouldBe(["No cost yet", "No survey yet"]);
        note.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldBe(["/services/2", "/services/3"]);
    }

    [Fact]
    public void QuadrantChart_NoPoints_SaysSoInsteadOfAnEmptyFrame()
    {
        var chart = RenderWith();

        chart.FindAll("svg").ShouldBeEmpty();
        chart.Find("p.keel-chart-empty").TextContent.ShouldBe("No data for this period");
    }

    [Fact]
    public void QuadrantChart_NameWithMarkup_IsShownAsText()
    {
        var chart = RenderWith(new QuadrantPoint("<script>alert(1)</script>", 80, 2m, "/services/1"));

        chart.FindAll("script").ShouldBeEmpty();
        chart.Find("a.point title").TextContent.ShouldStartWith("<script>alert(1)</script>");
        chart.Markup.ShouldContain("&lt;script&gt;");
    }

    [Fact]
    public void QuadrantChart_LongName_LabelIsShortenedAndTheTitleKeepsItWhole()
    {
        const string name = "Customer relationship management for the northern region";
        var chart = RenderWith(new QuadrantPoint(name, 80, 2m, "/services/1"));

        var label = chart.Find("text.point-label").TextContent;
        label.Length.ShouldBeLessThanOrEqualTo(20);
        label.ShouldEndWith("…");
        chart.Find("a.point title").TextContent.ShouldStartWith(name);
    }

    [Fact]
    public void QuadrantChart_PointsCloseTogether_LabelsDoNotOverlap()
    {
        var points = Enumerable.Range(0, 8)
            .Select(i => new QuadrantPoint($"Service number {i}", 80 + i * 0.5m, 2m + i * 0.05m, $"/services/{i}"))
            .ToArray();
        var chart = RenderWith(points);

        var boxes = chart.FindAll("text.point-label").Select(t =>
        {
            var (x, y, width) = (Number(t.GetAttribute("x")), Number(t.GetAttribute("y")), t.TextContent.Length * 11.5 * 0.58);
            var left = t.GetAttribute("text-anchor") switch { "end" => x - width, "middle" => x - width / 2, _ => x };
            return (Left: left, Right: left + width, Top: y - 11.5, Bottom: y);
        }).ToList();
        boxes.Count.ShouldBeGreaterThan(1);
        foreach (var (a, i) in boxes.Select((b, i) => (b, i)))
        {
            foreach (var b in boxes.Skip(i + 1))
            {
                var overlap = a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
                overlap.ShouldBeFalse();
            }
        }
    }
}
