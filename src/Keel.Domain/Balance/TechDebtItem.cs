using Keel.Domain.Platform;

namespace Keel.Domain.Balance;

/// <summary>
/// One item of the technical-debt register (issue 8): a shortcut on a service (and maybe one CI) that costs time every
/// month until it is paid off. Its interest is not stored: <see cref="DebtInterest"/> computes it from the work logged on
/// its linked incidents and problems, so the figure can always be recomputed and checked.
/// </summary>
public sealed class TechDebtItem : IVersioned, IAudited
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const double MaxHours = 100_000;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The counter behind <see cref="Number"/>; unique.</summary>
    public int Sequence { get; set; }

    /// <summary>TD0001…; see <see cref="TechDebtNumber"/>.</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Markdown; sanitized when rendered.</summary>
    public string Description { get; set; } = "";

    public Guid ServiceId { get; set; }
    public Guid? ConfigurationItemId { get; set; }

    /// <summary>Hours of work it takes to pay the debt off; the denominator of the payback ranking.</summary>
    public double RemediationEstimateHours { get; set; }

    /// <summary>Someone's estimate of the interest, used only when the linked work has no time logged to measure.</summary>
    public double? ManualInterestHoursPerMonth { get; set; }

    public DebtRisk Risk { get; set; } = DebtRisk.Medium;
    public DebtStatus Status { get; set; } = DebtStatus.Open;
    public Guid OwnerId { get; set; }

    /// <summary>The change (a Change work item) that pays the debt off.</summary>
    public Guid? PayoffChangeId { get; set; }

    /// <summary>The initiative that pays the debt off (initiatives live in their own part of the balance area).</summary>
    public Guid? PayoffInitiativeId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public bool IsOpen => DebtLifecycle.IsOpen(Status);

    public void Validate(FieldErrors errors)
    {
        errors.Required("title", Title, TitleMaxLength);
        errors.Optional("description", Description, DescriptionMaxLength);
        if (ServiceId == Guid.Empty)
        {
            errors.Add("serviceId", "is required.");
        }
        if (OwnerId == Guid.Empty)
        {
            errors.Add("ownerId", "is required.");
        }
        if (!double.IsFinite(RemediationEstimateHours) || RemediationEstimateHours <= 0 || RemediationEstimateHours > MaxHours)
        {
            errors.Add("remediationEstimateHours", $"must be more than 0 and at most {MaxHours:0} hours.");
        }
        if (ManualInterestHoursPerMonth is { } manual && (!double.IsFinite(manual) || manual < 0 || manual > MaxHours))
        {
            errors.Add("manualInterestHoursPerMonth", $"must be between 0 and {MaxHours:0} hours a month.");
        }
        if (!Enum.IsDefined(Risk))
        {
            errors.Add("risk", "must be one of " + string.Join(", ", Enum.GetNames<DebtRisk>()) + ".");
        }
    }

    /// <summary>Moves the item along <see cref="DebtLifecycle"/>; an illegal move is an error and changes nothing.</summary>
    public Error? MoveTo(DebtStatus to, DateTime now)
    {
        if (DebtLifecycle.Check(Status, to) is { } illegal)
        {
            return illegal;
        }
        Status = to;
        UpdatedAt = now;
        return null;
    }
}

/// <summary>An incident or problem whose work is the interest paid on a debt item.</summary>
public sealed class TechDebtLink
{
    public Guid DebtItemId { get; set; }
    public Guid WorkItemId { get; set; }
    public Guid? LinkedById { get; set; }
    public DateTime LinkedAt { get; set; }
}
