using Keel.Domain.Services;

namespace Keel.Domain.Value;

/// <summary>What one service brings to the cost calculation of a period.</summary>
/// <param name="LabourMinor">Work-log minutes × the logging team's hourly rate, summed by the rollup.</param>
/// <param name="Raised">Tickets raised against the service in the period (the measure of pools divided by tickets).</param>
/// <param name="ConsumingUsers">People in the business units that consume the service (the measure of pools divided by users).</param>
/// <param name="MonthlyCostsMinor">The service's fixed monthly cost items.</param>
public sealed record ServiceCostInputs(Guid ServiceId, bool Live, long LabourMinor, int Raised, int ConsumingUsers, IReadOnlyList<long> MonthlyCostsMinor);

/// <summary>A service's cost in a period, in minor units.</summary>
public sealed record ServiceCost(long LabourMinor, long FixedMinor, long SharedMinor)
{
    public long TotalMinor => LabourMinor + FixedMinor + SharedMinor;
}

/// <summary>
/// The cost of every service in a period: labour as logged, fixed cost items prorated to the period (see
/// <see cref="Proration.OfMonthly"/>), and each cost pool prorated and divided among services by its basis — agreed
/// shares, tickets raised in the period, or consuming users. A pool whose measure is zero everywhere (no tickets at all)
/// is divided equally among the live services, so every cent of a pool still lands on a service. Pools are divided with
/// <see cref="Allocation.Split"/> over the services in id order, so a service's share is the same on every page.
/// </summary>
public static class CostCalculator
{
    public static IReadOnlyDictionary<Guid, ServiceCost> Compute(Period period, IReadOnlyList<ServiceCostInputs> services, IReadOnlyList<CostPool> pools)
    {
        var ordered = services.OrderBy(s => s.ServiceId).ToList();
        var shared = new long[ordered.Count];
        foreach (var pool in pools)
        {
            var amount = Proration.ToMinor(Proration.OfMonthly(pool.Monthly.Minor, period));
            var parts = Allocation.Split(amount, WeightsOf(pool, ordered));
            for (var i = 0; i < parts.Length; i++)
            {
                shared[i] += parts[i];
            }
        }
        return ordered.Select((s, i) => (s.ServiceId, Cost: new ServiceCost(
                s.LabourMinor,
                Proration.ToMinor(s.MonthlyCostsMinor.Sum(m => Proration.OfMonthly(m, period))),
                shared[i])))
            .ToDictionary(x => x.ServiceId, x => x.Cost);
    }

    private static decimal[] WeightsOf(CostPool pool, IReadOnlyList<ServiceCostInputs> services)
    {
        var weights = pool.Basis switch
        {
            AllocationBasis.FixedShares => services.Select(s => pool.Shares.Where(x => x.ServiceId == s.ServiceId).Sum(x => x.Share)).ToArray(),
            AllocationBasis.Tickets => services.Select(s => (decimal)s.Raised).ToArray(),
            _ => services.Select(s => (decimal)s.ConsumingUsers).ToArray(),
        };
        return weights.Sum() > 0m ? weights : services.Select(s => s.Live ? 1m : 0m).ToArray();
    }
}
