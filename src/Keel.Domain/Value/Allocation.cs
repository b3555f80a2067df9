namespace Keel.Domain.Value;

/// <summary>Divides an amount of minor units by weights so that the parts add up to the amount exactly.</summary>
public static class Allocation
{
    /// <summary>
    /// The largest-remainder method: every part gets the whole minor units of its exact share, and the units left over go
    /// one each to the parts with the largest remainders (ties to the earlier part), so nothing is lost or invented by
    /// rounding. All weights 0 (or none): every part is 0 — the caller decides where such an amount goes.
    /// </summary>
    public static long[] Split(long amountMinor, IReadOnlyList<decimal> weights)
    {
        var parts = new long[weights.Count];
        var total = weights.Sum();
        if (total <= 0m || amountMinor == 0)
        {
            return parts;
        }
        var remainders = new decimal[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = amountMinor * (weights[i] / total);
            parts[i] = (long)decimal.Truncate(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        var left = amountMinor - given;
        var step = Math.Sign(left);
        foreach (var i in Enumerable.Range(0, weights.Count).OrderByDescending(i => remainders[i] * step).ThenBy(i => i).Take((int)Math.Abs(left)))
        {
            parts[i] += step;
        }
        return parts;
    }
}
