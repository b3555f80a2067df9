using Keel.Domain.Balance;

namespace Keel.Domain.Tests.Balance;

public sealed class BalanceCalculatorTests
{
    private static readonly TargetShares Plan = new(55, 15, 20, 10, 5);
    private static readonly DateOnly Jan = new(2026, 1, 1);

    private static PeriodUsage Usage(DateOnly period, long run, long debt, long grow, long transform, TargetShares? target = null, bool complete = true) =>
        new(period, new Dictionary<InvestmentCategory, long>
        {
            [InvestmentCategory.Run] = run, [InvestmentCategory.Debt] = debt,
            [InvestmentCategory.Grow] = grow, [InvestmentCategory.Transform] = transform,
        }, target ?? Plan, complete);

    private static CategoryBalance Of(PeriodBalance p, InvestmentCategory c) => p.Categories.Single(x => x.Category == c);

    [Fact]
    public void Balance_Hours_SharesAndDifferencesInPoints()
    {
        var p = BalanceCalculator.Balance(Usage(Jan, 70 * 60, 10 * 60, 15 * 60, 5 * 60));
        p.Total.ShouldBe(100 * 60);
        Of(p, InvestmentCategory.Run).ActualPercent.ShouldBe(70m);
        Of(p, InvestmentCategory.Run).DifferencePoints.ShouldBe(15m);
        Of(p, InvestmentCategory.Run).Drift.ShouldBe(DriftDirection.Over);
        Of(p, InvestmentCategory.Debt).DifferencePoints.ShouldBe(-5m);
        Of(p, InvestmentCategory.Debt).Drift.ShouldBeNull(); // exactly at the tolerance is within it
        Of(p, InvestmentCategory.Grow).Drift.ShouldBeNull();
        Of(p, InvestmentCategory.Transform).Drift.ShouldBeNull();
    }

    [Fact]
    public void Balance_JustBeyondTolerance_Drifts()
    {
        // 1000 minutes: Debt 99 = 9.9 %, 5.1 points under 15.
        var p = BalanceCalculator.Balance(Usage(Jan, 601, 99, 200, 100));
        Of(p, InvestmentCategory.Debt).DifferencePoints.ShouldBe(-5.1m);
        Of(p, InvestmentCategory.Debt).Drift.ShouldBe(DriftDirection.Under);
    }

    [Fact]
    public void Balance_NoTimeInPeriod_NoSharesNoDrift()
    {
        var p = BalanceCalculator.Balance(Usage(Jan, 0, 0, 0, 0));
        p.Total.ShouldBe(0);
        p.Categories.ShouldAllBe(c => c.ActualPercent == null && c.Drift == null && c.TargetPercent != null);
    }

    [Fact]
    public void Balance_NoTarget_SharesButNoDrift()
    {
        var p = BalanceCalculator.Balance(Usage(Jan, 100, 0, 0, 0) with { Target = null });
        Of(p, InvestmentCategory.Run).ActualPercent.ShouldBe(100m);
        p.Tolerance.ShouldBeNull();
        p.Categories.ShouldAllBe(c => c.TargetPercent == null && c.DifferencePoints == null && c.Drift == null);
    }

    [Fact]
    public void Alerts_TwoConsecutiveMonthsOverTheSameWay_OneAlert()
    {
        var periods = BalanceCalculator.Balance([Usage(Jan, 75, 5, 15, 5), Usage(Jan.AddMonths(1), 75, 10, 15, 0)]);
        var alert = BalanceCalculator.Alerts(periods).ShouldHaveSingleItem(); // Run over in both; Debt under only in January, Transform only in February
        alert.ShouldBe(new DriftAlert(InvestmentCategory.Run, DriftDirection.Over, Jan, Jan.AddMonths(1), 2));
    }

    [Fact]
    public void Alerts_OneMonthOnly_NoAlert()
    {
        var periods = BalanceCalculator.Balance([Usage(Jan, 80, 5, 10, 5), Usage(Jan.AddMonths(1), 55, 15, 20, 10)]);
        BalanceCalculator.Alerts(periods).ShouldBeEmpty();
    }

    [Fact]
    public void Alerts_StreakBrokenByAMonthWithin_NoAlert()
    {
        var periods = BalanceCalculator.Balance([
            Usage(Jan, 80, 5, 10, 5), Usage(Jan.AddMonths(1), 55, 15, 20, 10), Usage(Jan.AddMonths(2), 80, 5, 10, 5)]);
        BalanceCalculator.Alerts(periods).ShouldBeEmpty();
    }

    [Fact]
    public void Alerts_DirectionTurns_NoAlert()
    {
        var periods = BalanceCalculator.Balance([Usage(Jan, 80, 5, 10, 5), Usage(Jan.AddMonths(1), 40, 30, 20, 10)]);
        BalanceCalculator.Alerts(periods).ShouldNotContain(a => a.Category == InvestmentCategory.Run);
    }

    [Fact]
    public void Alerts_MonthWithoutTimeOrTargetBetween_BreaksTheStreak()
    {
        var gapWithoutTime = BalanceCalculator.Balance([
            Usage(Jan, 80, 5, 10, 5), Usage(Jan.AddMonths(1), 0, 0, 0, 0), Usage(Jan.AddMonths(2), 80, 5, 10, 5)]);
        BalanceCalculator.Alerts(gapWithoutTime).ShouldBeEmpty();
        var gapWithoutTarget = BalanceCalculator.Balance([
            Usage(Jan, 80, 5, 10, 5), Usage(Jan.AddMonths(1), 80, 5, 10, 5) with { Target = null }, Usage(Jan.AddMonths(2), 80, 5, 10, 5)]);
        BalanceCalculator.Alerts(gapWithoutTarget).ShouldBeEmpty();
    }

    [Fact]
    public void Alerts_MissingMonthInInput_BreaksTheStreak()
    {
        var periods = BalanceCalculator.Balance([Usage(Jan, 80, 5, 10, 5), Usage(Jan.AddMonths(2), 80, 5, 10, 5)]);
        BalanceCalculator.Alerts(periods).ShouldBeEmpty();
    }

    [Fact]
    public void Alerts_IncompleteCurrentMonth_NotCounted()
    {
        var periods = BalanceCalculator.Balance([Usage(Jan, 80, 5, 10, 5), Usage(Jan.AddMonths(1), 80, 5, 10, 5, complete: false)]);
        BalanceCalculator.Alerts(periods).ShouldBeEmpty();
    }

    [Fact]
    public void Alerts_LongStreak_OneAlertSpanningIt()
    {
        var periods = BalanceCalculator.Balance(Enumerable.Range(0, 4).Select(i => Usage(Jan.AddMonths(i), 80, 10, 5, 5)));
        var run = BalanceCalculator.Alerts(periods).Where(a => a.Category == InvestmentCategory.Run).ShouldHaveSingleItem();
        (run.Since, run.Through, run.Periods).ShouldBe((Jan, Jan.AddMonths(3), 4));
        BalanceCalculator.Alerts(periods).Where(a => a.Category == InvestmentCategory.Grow).ShouldHaveSingleItem().Direction.ShouldBe(DriftDirection.Under);
    }
}
