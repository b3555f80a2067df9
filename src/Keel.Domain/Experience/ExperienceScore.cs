namespace Keel.Domain.Experience;

/// <summary>What the experience score of a service in a period is made of: counts from the value rollup.</summary>
public sealed record ExperienceInputs(
    int Responses, int RatingSum, int Resolved, int Reopened, int FirstContact, int Interactions, int ResolutionMet, int ResolutionBreached);

/// <summary>
/// The experience score and its parts. Rates are fractions 0–1; every figure is null when the period has nothing to
/// measure it by (no responses, nothing resolved, no clock decided), so "no data" never shows as 0.
/// </summary>
public sealed record ExperienceResult(
    decimal? Score, decimal? Satisfaction, decimal? ReopenRate, decimal? FirstContactResolution, decimal? WithinSla, decimal? Effort);

/// <summary>
/// The experience score 0–100 of a service (its experience level agreement is a target on it). Each part is first put
/// on a 0–100 scale where 100 is best:
/// <list type="bullet">
/// <item>satisfaction: the mean rating r of 1–5 → (r − 1) / 4 × 100;</item>
/// <item>reopen rate: the share of resolved tickets reopened → (1 − rate) × 100;</item>
/// <item>first-contact resolution: the share resolved at first contact (<see cref="FirstContact.Holds"/>) × 100;</item>
/// <item>within SLA: the share of decided resolution clocks that were met × 100;</item>
/// <item>effort: the mean requester interactions e per resolved ticket (<see cref="FirstContact.Interactions"/>) →
/// (<see cref="EffortCeiling"/> − e) / (<see cref="EffortCeiling"/> − 1) × 100, kept within 0–100 (one interaction,
/// raising it, is 100; <see cref="EffortCeiling"/> or more is 0).</item>
/// </list>
/// The score is the mean of the parts weighted by <see cref="ExperienceWeights"/>, over the parts that have data; a
/// part without data does not count as 0 but leaves the others to carry the score. No part with data and weight: no score.
/// </summary>
public static class ExperienceScore
{
    public const decimal EffortCeiling = 5m;

    public static ExperienceResult Compute(ExperienceInputs inputs, ExperienceWeights weights)
    {
        decimal? satisfaction = inputs.Responses > 0 ? (decimal)inputs.RatingSum / inputs.Responses : null;
        decimal? reopenRate = Rate(inputs.Reopened, inputs.Resolved);
        decimal? firstContact = Rate(inputs.FirstContact, inputs.Resolved);
        decimal? withinSla = Rate(inputs.ResolutionMet, inputs.ResolutionMet + inputs.ResolutionBreached);
        decimal? effort = inputs.Resolved > 0 ? (decimal)inputs.Interactions / inputs.Resolved : null;

        var parts = new (decimal? Points, int Weight)[]
        {
            (satisfaction is { } s ? (s - 1m) / 4m * 100m : null, weights.Satisfaction),
            (reopenRate is { } r ? (1m - r) * 100m : null, weights.ReopenRate),
            (firstContact * 100m, weights.FirstContactResolution),
            (withinSla * 100m, weights.WithinSla),
            (effort is { } e ? Math.Clamp((EffortCeiling - e) / (EffortCeiling - 1m), 0m, 1m) * 100m : null, weights.Effort),
        };
        var counted = parts.Where(p => p.Points is not null && p.Weight > 0).ToList();
        var weightSum = counted.Sum(p => p.Weight);
        decimal? score = weightSum == 0 ? null : Round(counted.Sum(p => p.Points!.Value * p.Weight) / weightSum, 1);
        return new ExperienceResult(score, Round(satisfaction, 2), Round(reopenRate, 4), Round(firstContact, 4), Round(withinSla, 4), Round(effort, 2));
    }

    private static decimal? Rate(int part, int whole) => whole > 0 ? (decimal)part / whole : null;

    private static decimal? Round(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null;
}
