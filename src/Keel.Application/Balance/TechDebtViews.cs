using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Balance;
using Keel.Domain.Work;

namespace Keel.Application.Balance;

/// <summary>The body of <c>POST /api/v1/tech-debt</c>.</summary>
public sealed record TechDebtDraft(
    string? Title, string? Description, Guid? ServiceId, Guid? ConfigurationItemId, double? RemediationEstimateHours,
    double? ManualInterestHoursPerMonth, DebtRisk? Risk, Guid? OwnerId = null, Guid? PayoffChangeId = null, Guid? PayoffInitiativeId = null);

/// <summary>A merge patch of a debt item; absent fields stay as they are.</summary>
public sealed record TechDebtPatch(
    Optional<string?> Title = default, Optional<string?> Description = default, Optional<Guid?> ServiceId = default,
    Optional<Guid?> ConfigurationItemId = default, Optional<double?> RemediationEstimateHours = default,
    Optional<double?> ManualInterestHoursPerMonth = default, Optional<DebtRisk?> Risk = default, Optional<Guid?> OwnerId = default,
    Optional<Guid?> PayoffChangeId = default, Optional<Guid?> PayoffInitiativeId = default);

public sealed record DebtTransition(DebtStatus? To);

/// <summary>The body of <c>POST /api/v1/tech-debt/{id}/links</c>: an incident or problem by id or by number.</summary>
public sealed record DebtLinkDraft(Guid? WorkItemId, string? Number = null);

/// <summary>What the register is narrowed to; null or empty leaves a criterion out.</summary>
public sealed record DebtFilter(IReadOnlyList<Guid>? ServiceIds = null, IReadOnlyList<DebtStatus>? Statuses = null, IReadOnlyList<DebtRisk>? Risks = null);

/// <summary>A debt item's interest as shown: hours a month, how it was found (Measured, Estimated, Unknown) and why it is unknown.</summary>
public sealed record DebtInterestView(InterestBasis Basis, double? HoursPerMonth, string? Reason)
{
    public static DebtInterestView Of(DebtInterestFigure f) => new(f.Basis, f.HoursPerMonth is { } h ? Math.Round(h, 2) : null, f.Reason);
}

/// <summary>One row of the register, ranked by payback: interest saved per hour of remediation.</summary>
public sealed record TechDebtListItem(
    Guid Id, string Number, string Title, Ref Service, DebtRisk Risk, DebtStatus Status, double RemediationEstimateHours,
    DebtInterestView Interest, double? MonthsToPayBack, int LinkedItems, Ref Owner, WorkRef? PayoffChange, DateTime UpdatedAt);

/// <summary>An incident or problem linked to a debt item, with the hours logged on it (in the interest window and in all).</summary>
public sealed record LinkedWorkView(Guid Id, WorkKind Kind, string Number, string Title, WorkState State, double HoursInWindow, double HoursTotal);

public sealed record TechDebtView(
    Guid Id, string Number, string Title, string Description, Ref Service, Ref? ConfigurationItem, double RemediationEstimateHours,
    double? ManualInterestHoursPerMonth, DebtRisk Risk, DebtStatus Status, Ref Owner, Guid? PayoffChangeId, WorkRef? PayoffChange,
    Guid? PayoffInitiativeId, InitiativeRef? PayoffInitiative, DebtInterestView Interest, double? MonthsToPayBack, DateOnly InterestFrom, DateOnly InterestTo,
    IReadOnlyList<LinkedWorkView> LinkedWork, IReadOnlyList<DebtStatus> AllowedTransitions, bool CanEdit, bool CanLink,
    DateTime CreatedAt, DateTime UpdatedAt, long Version);

/// <summary>One month of the register's total interest: the hours logged that month on the work linked to debt items.</summary>
public sealed record DebtInterestMonth(string Month, double Hours);

/// <summary>The register's interest trend (the last twelve full months, oldest first) and its current total.</summary>
public sealed record DebtInterestTrend(IReadOnlyList<DebtInterestMonth> Months, double KnownHoursPerMonth, int UnknownItems);

/// <summary>A debt item a work record is linked to (the panel on problems and incidents).</summary>
public sealed record DebtOfWork(Guid Id, string Number, string Title, DebtStatus Status, DebtRisk Risk);
