using Keel.Domain.Platform;

namespace Keel.Domain.Experience;

/// <summary>
/// How much each part counts in the experience score (see <see cref="ExperienceScore"/>): whole-number weights, set
/// once for the organization by the IT leader. A weight of 0 leaves that part out.
/// </summary>
public sealed class ExperienceWeights : IAudited, IVersioned
{
    public const int MaxWeight = 100;

    /// <summary>There is one row; its id is fixed.</summary>
    public static readonly Guid SingletonId = new("00000000-0000-0000-0000-0000000e0e0e");

    public Guid Id { get; set; } = SingletonId;
    public int Satisfaction { get; set; } = 35;
    public int ReopenRate { get; set; } = 15;
    public int FirstContactResolution { get; set; } = 15;
    public int WithinSla { get; set; } = 20;
    public int Effort { get; set; } = 15;
    public long Version { get; set; }

    public int Total => Satisfaction + ReopenRate + FirstContactResolution + WithinSla + Effort;

    public void Validate(FieldErrors errors)
    {
        Check(errors, "satisfaction", Satisfaction);
        Check(errors, "reopenRate", ReopenRate);
        Check(errors, "firstContactResolution", FirstContactResolution);
        Check(errors, "withinSla", WithinSla);
        Check(errors, "effort", Effort);
        if (!errors.Any && Total == 0)
        {
            errors.Add("weights", "at least one weight must be above 0.");
        }
    }

    private static void Check(FieldErrors errors, string field, int weight)
    {
        if (weight is < 0 or > MaxWeight)
        {
            errors.Add(field, $"must be between 0 and {MaxWeight}.");
        }
    }
}
