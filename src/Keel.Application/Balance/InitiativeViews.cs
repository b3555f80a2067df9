using Keel.Application.Platform;
using Keel.Domain.Balance;
using Keel.Domain.Work;

namespace Keel.Application.Balance;

/// <summary>One initiative as the API answers it; <see cref="CanEdit"/> and <see cref="AllowedTransitions"/> are for the caller.</summary>
public sealed record InitiativeView(
    Guid Id, string Number, string Name, string Description, Ref Service, InvestmentCategory Category, string ExpectedOutcome,
    string Measure, double? ExpectedValue, string Unit, int? EffortEstimateHours, InitiativeStatus Status, Ref Owner,
    double? RealisedValue, string? ReviewNotes, DateTime? ReviewedAt, Ref? ReviewedBy, DateTime? DeliveredAt,
    DateTime CreatedAt, DateTime UpdatedAt, int WorkCount, double LoggedHours, bool CanEdit,
    IReadOnlyList<InitiativeStatus> AllowedTransitions, long Version);

/// <summary>The body of <c>POST /api/v1/initiatives</c>; the owner defaults to the caller.</summary>
public sealed record InitiativeDraft(
    string? Name, string? Description, Guid? ServiceId, InvestmentCategory? Category, string? ExpectedOutcome, string? Measure,
    double? ExpectedValue, string? Unit, int? EffortEstimateHours, Guid? OwnerId);

/// <summary>An initiative's merge patch (the status moves through transitions, the realised value through the review).</summary>
public sealed record InitiativePatch(
    Optional<string?> Name = default, Optional<string?> Description = default, Optional<Guid?> ServiceId = default,
    Optional<InvestmentCategory?> Category = default, Optional<string?> ExpectedOutcome = default, Optional<string?> Measure = default,
    Optional<double?> ExpectedValue = default, Optional<string?> Unit = default, Optional<int?> EffortEstimateHours = default,
    Optional<Guid?> OwnerId = default);

/// <summary>The filters of the initiative list (each a set; empty means any).</summary>
public sealed record InitiativeFilter(
    IReadOnlyList<InitiativeStatus>? Status = null, IReadOnlyList<Guid>? ServiceId = null, IReadOnlyList<InvestmentCategory>? Category = null);

/// <summary>The body of <c>POST /api/v1/initiatives/{id}/review</c>: the benefits review after delivery.</summary>
public sealed record InitiativeReviewDraft(double? RealisedValue, string? ReviewNotes);

/// <summary>A work item linked to an initiative with the hours logged on it.</summary>
public sealed record InitiativeWorkView(
    Guid Id, string Number, string Title, WorkKind Kind, WorkState State, InvestmentCategory InvestmentCategory,
    ValueChainActivity ValueChainActivity, double LoggedHours);
