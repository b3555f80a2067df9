using Keel.Domain.Services;
using Keel.Domain.Value;

namespace Keel.Domain.Tests.Value;

public sealed class CostTests
{
    private static readonly Period October = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1));
    private static readonly Guid A = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = new("00000000-0000-0000-0000-00000000000c");

    [Fact]
    public void OfMonthly_WholeMonth_IsTheMonthlyAmount()
    {
        Proration.OfMonthly(310_000, October).ShouldBe(310_000m);
    }

    [Fact]
    public void OfMonthly_AcrossTwoMonths_CountsEachMonthByItsOwnDays()
    {
        // 16 of 31 October days and 15 of 30 November days.
        var period = new Period(new DateOnly(2026, 10, 16), new DateOnly(2026, 11, 16));
        Proration.OfMonthly(3_000, period).ShouldBe(3_000m * 16 / 31 + 3_000m * 15 / 30);
    }

    [Fact]
    public void OfYearly_IsByDaysOfA365DayYear()
    {
        Proration.OfYearly(365_000, October).ShouldBe(31_000m);
    }

    [Fact]
    public void Compute_AddsLabourFixedAndPoolShares()
    {
        var services = new[]
        {
            new ServiceCostInputs(A, Live: true, LabourMinor: 5_000, Raised: 30, ConsumingUsers: 100, MonthlyCostsMinor: [10_000, 2_000]),
            new ServiceCostInputs(B, Live: true, LabourMinor: 0, Raised: 10, ConsumingUsers: 300, MonthlyCostsMinor: []),
        };
        var pools = new[]
        {
            Pool(AllocationBasis.Tickets, 4_000),
            Pool(AllocationBasis.ConsumingUsers, 8_000),
            Pool(AllocationBasis.FixedShares, 1_000, (A, 0.25m), (B, 0.75m)),
        };

        var cost = CostCalculator.Compute(October, services, pools);

        cost[A].ShouldBe(new ServiceCost(5_000, 12_000, 3_000 + 2_000 + 250));
        cost[B].ShouldBe(new ServiceCost(0, 0, 1_000 + 6_000 + 750));
        cost[A].TotalMinor.ShouldBe(22_250);
    }

    [Fact]
    public void Compute_PoolWithNoMeasure_IsSharedEquallyByLiveServices()
    {
        var services = new[]
        {
            new ServiceCostInputs(A, true, 0, 0, 0, []),
            new ServiceCostInputs(B, true, 0, 0, 0, []),
            new ServiceCostInputs(C, false, 0, 0, 0, []),
        };

        var cost = CostCalculator.Compute(October, services, [Pool(AllocationBasis.Tickets, 1_001)]);

        (cost[A].SharedMinor + cost[B].SharedMinor).ShouldBe(1_001);
        cost[C].SharedMinor.ShouldBe(0);
    }

    [Fact]
    public void Showback_FixedSharesAndTickets_SplitTheRestByTickets()
    {
        var parts = ShowbackCalculator.Split(10_000,
        [
            new ConsumerInput(A, AllocationBasis.FixedShares, 0.4m, Tickets: 99, Users: 0),
            new ConsumerInput(B, AllocationBasis.Tickets, null, Tickets: 10, Users: 0),
            new ConsumerInput(C, AllocationBasis.Tickets, null, Tickets: 30, Users: 0),
        ]);

        parts.Select(p => p.Minor).ShouldBe([4_000L, 1_500L, 4_500L]);
        parts.Select(p => p.Share).ShouldBe([0.4m, 0.15m, 0.45m]);
    }

    [Fact]
    public void Showback_OnlyFixedShares_LeavesTheRestWithIt()
    {
        var parts = ShowbackCalculator.Split(10_000, [new ConsumerInput(A, AllocationBasis.FixedShares, 0.3m, 0, 0)]);

        parts.Single().Minor.ShouldBe(3_000);
    }

    [Fact]
    public void Showback_TwoBases_SplitTheRestEvenlyBetweenThem()
    {
        var parts = ShowbackCalculator.Split(1_000,
        [
            new ConsumerInput(A, AllocationBasis.Tickets, null, Tickets: 5, Users: 0),
            new ConsumerInput(B, AllocationBasis.ConsumingUsers, null, Tickets: 0, Users: 40),
            new ConsumerInput(C, AllocationBasis.ConsumingUsers, null, Tickets: 0, Users: 10),
        ]);

        parts.Select(p => p.Minor).ShouldBe([500L, 400L, 100L]);
    }

    [Fact]
    public void Showback_NoTicketsInTheBasis_SplitsEvenly()
    {
        var parts = ShowbackCalculator.Split(999,
        [
            new ConsumerInput(A, AllocationBasis.Tickets, null, 0, 0),
            new ConsumerInput(B, AllocationBasis.Tickets, null, 0, 0),
        ]);

        parts.Sum(p => p.Minor).ShouldBe(999);
        parts.Select(p => p.Share).ShouldBe([0.5m, 0.5m]);
    }

    private static CostPool Pool(AllocationBasis basis, long monthlyMinor, params (Guid Service, decimal Share)[] shares) => new()
    {
        Name = "Pool", Monthly = new Money(monthlyMinor, "EUR"), Basis = basis,
        Shares = shares.Select(s => new CostPoolShare(s.Service, s.Share)).ToList(),
    };
}
