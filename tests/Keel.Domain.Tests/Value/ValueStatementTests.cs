using Keel.Domain.Services;
using Keel.Domain.Value;

namespace Keel.Domain.Tests.Value;

public sealed class ValueStatementTests
{
    private static readonly Period October = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));

    private static StatementFigures Figures => new(
        "Online Ordering", "GBP", October,
        [new StatementOutcome("Online revenue", OutcomeBasis.RevenueEnabled, 1_200_000m, 0.35m)],
        Cost: 18_000m, Satisfaction: 4.3m, Responses: 120, Score: 82m, Target: 75, WithinSla: 0.992m);

    [Fact]
    public void Write_AllFigures_ReadsLikeTheIssueExample()
    {
        ValueStatement.Write(Figures).ShouldBe(
            "Online Ordering enables £1.2m of revenue a year (35 % attributed); it cost £18k in October 2026; " +
            "satisfaction 4.3 of 5 from 120 responses; experience 82 against a target of 75; 99.2 % of tickets resolved within SLA.");
    }

    [Fact]
    public void Write_WithoutCostData_StartsAtTheExperience()
    {
        ValueStatement.Write(Figures with { Outcomes = null, Cost = null }).ShouldBe(
            "Online Ordering: satisfaction 4.3 of 5 from 120 responses; experience 82 against a target of 75; 99.2 % of tickets resolved within SLA.");
    }

    [Fact]
    public void Write_NothingMeasured_SaysSoInsteadOfShowingZero()
    {
        var text = ValueStatement.Write(Figures with { Outcomes = [], Satisfaction = null, Responses = 0, Score = null, WithinSla = null });

        text.ShouldContain("has no business outcome recorded yet");
        text.ShouldContain("no survey responses yet");
        text.ShouldContain("no experience score yet (target 75)");
        text.ShouldContain("no SLA resolution decided in the period");
    }

    [Fact]
    public void Write_SeveralOutcomes_NamesTheLargestAndSumsTheRest()
    {
        var text = ValueStatement.Write(Figures with
        {
            Outcomes =
            [
                new StatementOutcome("Small", OutcomeBasis.CostAvoided, 100_000m, 0.5m),
                new StatementOutcome("Large", OutcomeBasis.RevenueEnabled, 1_200_000m, 0.35m),
                new StatementOutcome("Other", OutcomeBasis.RiskReduced, 40_000m, 1m),
            ],
        });

        text.ShouldStartWith("Online Ordering enables £1.2m of revenue a year (35 % attributed) and £90k a year through 2 more outcomes;");
    }

    [Theory]
    [InlineData(950, "€950")]
    [InlineData(18_000, "€18k")]
    [InlineData(1_200_000, "€1.2m")]
    [InlineData(12_400_000, "€12m")]
    [InlineData(999_999, "€1m")]
    public void MoneyText_Short_RoundsToWhatAReaderCompares(int major, string expected)
    {
        MoneyText.Short(major, "EUR").ShouldBe(expected);
    }

    [Fact]
    public void Period_Create_RefusesAnEmptyOrBackwardPeriod()
    {
        var result = Period.Create(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 1));
        result.IsSuccess.ShouldBeFalse();
        result.Error!.Fields!.Keys.ShouldContain("to");
        Period.Create(null, null).Error!.Fields!.Keys.ShouldBe(["from", "to"], ignoreOrder: true);
    }

    [Fact]
    public void Period_Months_ClipsTheFirstAndLastMonth()
    {
        var period = new Period(new DateOnly(2026, 9, 15), new DateOnly(2026, 11, 10));

        period.Months().ShouldBe(
        [
            new Period(new DateOnly(2026, 9, 15), new DateOnly(2026, 10, 1)),
            new Period(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1)),
            new Period(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10)),
        ]);
    }
}
