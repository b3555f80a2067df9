using Keel.Domain.Balance;

namespace Keel.Domain.Tests.Balance;

public sealed class DebtInterestTests
{
    [Fact]
    public void WindowOf_MidMarch_DecemberToFebruaryInclusive()
    {
        DebtInterest.WindowOf(new DateOnly(2026, 3, 17)).ShouldBe((new DateOnly(2025, 12, 1), new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Compute_LinkedWorkWithTimeLogged_MeasuredAverageOfThreeMonths()
    {
        // 9 h over three months is 3 h a month, whatever the manual estimate says.
        var figure = DebtInterest.Compute(linkedItems: 2, minutesInWindow: 9 * 60, manualHoursPerMonth: 50);

        figure.ShouldBe(new DebtInterestFigure(InterestBasis.Measured, 3, null));
    }

    [Fact]
    public void Compute_LinkedWorkWithoutTimeButManualEstimate_Estimated()
    {
        DebtInterest.Compute(2, 0, 4.5).ShouldBe(new DebtInterestFigure(InterestBasis.Estimated, 4.5, null));
    }

    [Fact]
    public void Compute_NoLinksButManualEstimate_Estimated()
    {
        DebtInterest.Compute(0, 0, 2).ShouldBe(new DebtInterestFigure(InterestBasis.Estimated, 2, null));
    }

    [Fact]
    public void Compute_NoLinksNoEstimate_UnknownSaysNoLinkedWork()
    {
        var figure = DebtInterest.Compute(0, 0, null);

        (figure.Basis, figure.HoursPerMonth, figure.IsKnown).ShouldBe((InterestBasis.Unknown, null, false));
        figure.Reason.ShouldBe("no linked incidents or problems");
    }

    [Fact]
    public void Compute_LinkedWorkWithoutTimeNoEstimate_UnknownSaysNoTimeLogged()
    {
        var figure = DebtInterest.Compute(3, 0, null);

        (figure.Basis, figure.HoursPerMonth).ShouldBe((InterestBasis.Unknown, null));
        figure.Reason.ShouldBe("linked work has no time logged in the last three months and no manual estimate");
    }

    [Fact]
    public void MonthsToPayBack_FortyHoursAtFourAMonth_TenMonths()
    {
        DebtPayback.MonthsToPayBack(40, new DebtInterestFigure(InterestBasis.Measured, 4, null)).ShouldBe(10);
    }

    [Fact]
    public void MonthsToPayBack_UnknownOrZeroInterest_Null()
    {
        DebtPayback.MonthsToPayBack(40, DebtInterest.Compute(0, 0, null)).ShouldBeNull();
        DebtPayback.MonthsToPayBack(40, DebtInterest.Compute(0, 0, 0)).ShouldBeNull();
    }

    [Fact]
    public void Rank_ByInterestPerRemediationHour_UnknownsLast()
    {
        var items = new[]
        {
            ("TD0001", 100.0, new DebtInterestFigure(InterestBasis.Measured, 10, null)),  // 0.1
            ("TD0002", 10.0, DebtInterest.Compute(0, 0, null)),                              // unknown
            ("TD0003", 10.0, new DebtInterestFigure(InterestBasis.Estimated, 5, null)),    // 0.5
            ("TD0004", 40.0, new DebtInterestFigure(InterestBasis.Measured, 8, null)),     // 0.2
            ("TD0005", 5.0, new DebtInterestFigure(InterestBasis.Estimated, 0, null)),     // 0
        };

        var ranked = DebtPayback.Rank(items, i => i.Item2, i => i.Item3, i => i.Item1);

        ranked.Select(i => i.Item1).ShouldBe(["TD0003", "TD0004", "TD0001", "TD0005", "TD0002"]);
    }
}
