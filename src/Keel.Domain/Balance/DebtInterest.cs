namespace Keel.Domain.Balance;

/// <summary>How a debt item's interest was found; <see cref="Unknown"/> is never shown as zero.</summary>
public enum InterestBasis
{
    /// <summary>From the hours logged on its linked incidents and problems.</summary>
    Measured,

    /// <summary>From the manual estimate, because there was nothing to measure.</summary>
    Estimated,

    /// <summary>Neither: <see cref="DebtInterestFigure.Reason"/> says why.</summary>
    Unknown,
}

/// <summary>A debt item's interest in hours a month, how it was found, and why it is missing when it is.</summary>
public sealed record DebtInterestFigure(InterestBasis Basis, double? HoursPerMonth, string? Reason)
{
    public const string NoLinks = "no linked incidents or problems";
    public const string NoTimeLogged = "linked work has no time logged in the last three months and no manual estimate";

    public bool IsKnown => HoursPerMonth is not null;
}

/// <summary>
/// The interest rule of the debt register: the work a debt item causes, averaged over the last three full months, so
/// one bad week neither makes nor breaks it. Pure: the caller sums the minutes logged in <see cref="WindowOf"/>.
/// </summary>
public static class DebtInterest
{
    public const int WindowMonths = 3;

    /// <summary>The last three full calendar months before <paramref name="today"/>'s month: [from, to).</summary>
    public static (DateOnly From, DateOnly To) WindowOf(DateOnly today)
    {
        var to = new DateOnly(today.Year, today.Month, 1);
        return (to.AddMonths(-WindowMonths), to);
    }

    /// <summary>
    /// Measured when the linked work has time logged in the window (minutes / 60 / 3); otherwise the manual estimate
    /// (Estimated) when there is one; otherwise Unknown with the reason.
    /// </summary>
    public static DebtInterestFigure Compute(int linkedItems, long minutesInWindow, double? manualHoursPerMonth)
    {
        if (linkedItems > 0 && minutesInWindow > 0)
        {
            return new DebtInterestFigure(InterestBasis.Measured, minutesInWindow / 60.0 / WindowMonths, null);
        }
        if (manualHoursPerMonth is { } manual)
        {
            return new DebtInterestFigure(InterestBasis.Estimated, manual, null);
        }
        return new DebtInterestFigure(InterestBasis.Unknown, null,
            linkedItems == 0 ? DebtInterestFigure.NoLinks : DebtInterestFigure.NoTimeLogged);
    }
}
