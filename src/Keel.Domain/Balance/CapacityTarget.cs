using Keel.Domain.Platform;

namespace Keel.Domain.Balance;

/// <summary>
/// The IT leader's plan for how capacity splits across the four investment categories, in percentage points, from one
/// calendar month until the next plan (of the same scope) takes over. A plan without a team is the department's; a
/// team without a plan of its own is measured against the department's.
/// </summary>
public sealed class CapacityTarget : IAudited, IVersioned
{
    public const decimal MaxTolerance = 50m;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Null for the whole department.</summary>
    public Guid? TeamId { get; set; }

    /// <summary>The first day of the month from which the plan applies.</summary>
    public DateOnly Period { get; set; }

    public decimal Run { get; set; }
    public decimal Debt { get; set; }
    public decimal Grow { get; set; }
    public decimal Transform { get; set; }

    /// <summary>How many points an actual share may stray from its target before it counts as drift.</summary>
    public decimal Tolerance { get; set; }

    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public TargetShares Shares => new(Run, Debt, Grow, Transform, Tolerance);

    public void Apply(TargetShares shares)
    {
        (Run, Debt, Grow, Transform, Tolerance) = (shares.Run, shares.Debt, shares.Grow, shares.Transform, shares.Tolerance);
    }
}

/// <summary>Four shares in percentage points (whole or with one decimal) that add up to exactly 100, and a tolerance.</summary>
public sealed record TargetShares(decimal Run, decimal Debt, decimal Grow, decimal Transform, decimal Tolerance)
{
    public decimal Of(InvestmentCategory category) => category switch
    {
        InvestmentCategory.Run => Run,
        InvestmentCategory.Debt => Debt,
        InvestmentCategory.Grow => Grow,
        InvestmentCategory.Transform => Transform,
    };

    public decimal Sum => Run + Debt + Grow + Transform;

    /// <summary>Every problem at once: a share outside 0..100 or finer than a tenth, a sum other than 100, a tolerance outside 0..50.</summary>
    public void Validate(FieldErrors errors)
    {
        foreach (var category in Enum.GetValues<InvestmentCategory>())
        {
            Check(errors, FieldOf(category), Of(category), 100m);
        }
        Check(errors, "tolerance", Tolerance, CapacityTarget.MaxTolerance);
        if (Sum != 100m)
        {
            errors.Add("sum", $"the four shares must add up to 100 points; they add up to {Sum:0.#}.");
        }
    }

    /// <summary>The JSON field of a category's share (camelCase, as in the API).</summary>
    public static string FieldOf(InvestmentCategory category) => category switch
    {
        InvestmentCategory.Run => "run",
        InvestmentCategory.Debt => "debt",
        InvestmentCategory.Grow => "grow",
        InvestmentCategory.Transform => "transform",
    };

    private static void Check(FieldErrors errors, string field, decimal value, decimal max)
    {
        if (value < 0m || value > max)
        {
            errors.Add(field, $"must be between 0 and {max:0} points.");
        }
        else if (decimal.Round(value, 1) != value)
        {
            errors.Add(field, "must be whole points or have one decimal.");
        }
    }
}

/// <summary>Months as the balance counts them: a period is the first day of a calendar month.</summary>
public static class Months
{
    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);

    public static DateOnly Of(DateTime instant) => new(instant.Year, instant.Month, 1);

    /// <summary>Parses <c>YYYY-MM</c>; null when it is not a month.</summary>
    public static DateOnly? Parse(string? text) =>
        text is { Length: 7 } && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
        && int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)
        && year is >= 1 and <= 9999 && month is >= 1 and <= 12
            ? new DateOnly(year, month, 1)
            : null;

    public static string Format(DateOnly period) => period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static IEnumerable<DateOnly> Between(DateOnly from, DateOnly to)
    {
        for (var m = Of(from); m <= to; m = m.AddMonths(1))
        {
            yield return m;
        }
    }
}
