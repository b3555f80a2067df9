using Keel.Domain.Services;

namespace Keel.Domain.Value;

/// <summary>A consuming business unit of one service with its measures in the period.</summary>
public sealed record ConsumerInput(Guid BusinessUnitId, AllocationBasis Basis, decimal? Share, int Tickets, int Users);

/// <summary>One business unit's part of a service's cost: its share 0–1 and the amount in minor units.</summary>
public sealed record ShowbackPart(Guid BusinessUnitId, decimal Share, long Minor);

/// <summary>
/// Shows each consuming business unit its part of a service's cost. Units with a fixed share get that share. The rest
/// (1 − the fixed shares) goes to the measured units: split evenly between the bases in use (tickets, users), and within
/// a basis by each unit's tickets raised or people (evenly when nobody in that basis has any). With no measured unit the
/// rest stays with IT and is shown to nobody. Amounts are split with <see cref="Allocation.Split"/>, so the parts and
/// what IT keeps add up to the cost exactly.
/// </summary>
public static class ShowbackCalculator
{
    public static IReadOnlyList<ShowbackPart> Split(long costMinor, IReadOnlyList<ConsumerInput> consumers)
    {
        var shares = SharesOf(consumers);
        var kept = Math.Max(0m, 1m - shares.Sum());
        var amounts = Allocation.Split(costMinor, [.. shares, kept]);
        return consumers.Select((c, i) => new ShowbackPart(c.BusinessUnitId, Math.Round(shares[i], 6, MidpointRounding.AwayFromZero), amounts[i])).ToList();
    }

    public static decimal[] SharesOf(IReadOnlyList<ConsumerInput> consumers)
    {
        var shares = new decimal[consumers.Count];
        var fixedTotal = 0m;
        for (var i = 0; i < consumers.Count; i++)
        {
            if (consumers[i].Basis == AllocationBasis.FixedShares)
            {
                shares[i] = consumers[i].Share ?? 0m;
                fixedTotal += shares[i];
            }
        }
        var rest = Math.Max(0m, 1m - fixedTotal);
        var bases = consumers.Where(c => c.Basis != AllocationBasis.FixedShares).Select(c => c.Basis).Distinct().ToList();
        foreach (var basis in bases)
        {
            var members = Enumerable.Range(0, consumers.Count).Where(i => consumers[i].Basis == basis).ToList();
            var measures = members.Select(i => (decimal)(basis == AllocationBasis.Tickets ? consumers[i].Tickets : consumers[i].Users)).ToList();
            var total = measures.Sum();
            for (var k = 0; k < members.Count; k++)
            {
                var within = total > 0m ? measures[k] / total : 1m / members.Count;
                shares[members[k]] = rest / bases.Count * within;
            }
        }
        return shares;
    }
}
