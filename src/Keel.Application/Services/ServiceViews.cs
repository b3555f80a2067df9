using Keel.Application.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Forms;

namespace Keel.Application.Services;

/// <summary>
/// A service as IT staff see it: no cost field at all (not even a null one). The survey sample rate (0–1) and the
/// experience target (0–100) are experience settings, not costs.
/// </summary>
public sealed record ServiceView(
    Guid Id, string Name, string Description, Ref Owner, Ref DeliveringTeam, ServiceLifecycle Lifecycle, int Criticality,
    decimal SurveySampleRate, int ExperienceTarget, IReadOnlyList<Ref> Consumers, long Version);

/// <summary>A service as those who read costs see it: consumers with their shares, outcomes, cost items and the monthly total.</summary>
public sealed record ServiceFinanceView(
    Guid Id, string Name, string Description, Ref Owner, Ref DeliveringTeam, ServiceLifecycle Lifecycle, int Criticality,
    decimal SurveySampleRate, int ExperienceTarget, IReadOnlyList<ConsumerView> Consumers, IReadOnlyList<OutcomeView> Outcomes, IReadOnlyList<CostItemView> CostItems,
    Money MonthlyCost, long Version);

/// <summary>A service as the requester portal shows it: its name, what it does, and what can be asked for.</summary>
public sealed record PortalServiceView(Guid Id, string Name, string Description, IReadOnlyList<PortalCatalogItemView> CatalogItems);

public sealed record PortalCatalogItemView(
    Guid Id, Guid ServiceId, string Name, string Description, FormDefinition Form, ApprovalNeed Approval, int ExpectedDeliveryHours);

public sealed record ConsumerView(Guid Id, Ref BusinessUnit, AllocationBasis Basis, decimal? Share, long Version);

public sealed record OutcomeView(Guid Id, string Name, Ref BusinessUnit, Money YearlyValue, OutcomeBasis Basis, decimal Contribution, long Version);

public sealed record CostItemView(Guid Id, string Name, CostCategory Category, Money Monthly, long Version);

public sealed record ServiceFilter(string? Q = null, IReadOnlyList<ServiceLifecycle>? Lifecycle = null, Guid? OwnerId = null, Guid? TeamId = null);

public sealed record ServiceDraft(string? Name, string? Description, Guid? OwnerId, Guid? DeliveringTeamId, int? Criticality);

public sealed record ServicePatch(
    Optional<string?> Name, Optional<string?> Description, Optional<Guid?> OwnerId, Optional<Guid?> DeliveringTeamId, Optional<int?> Criticality,
    Optional<decimal?> SurveySampleRate = default, Optional<int?> ExperienceTarget = default);

public sealed record ServiceTransition(ServiceLifecycle? To, bool Confirm = false);

/// <summary>Money as the API takes it; the currency defaults to the organization's.</summary>
public sealed record MoneyDraft(long? Minor, string? Currency);

public sealed record ConsumerDraft(Guid? BusinessUnitId, AllocationBasis? Basis, decimal? Share);

public sealed record OutcomeDraft(string? Name, Guid? BusinessUnitId, MoneyDraft? YearlyValue, OutcomeBasis? Basis, decimal? Contribution);

public sealed record ConsumerPatch(Optional<AllocationBasis?> Basis, Optional<decimal?> Share);

public sealed record OutcomePatch(
    Optional<string?> Name, Optional<Guid?> BusinessUnitId, Optional<MoneyDraft?> YearlyValue, Optional<OutcomeBasis?> Basis, Optional<decimal?> Contribution);

public sealed record CostItemPatch(Optional<string?> Name, Optional<CostCategory?> Category, Optional<MoneyDraft?> Monthly);

public sealed record CostItemDraft(string? Name, CostCategory? Category, MoneyDraft? Monthly);

/// <summary>The one currency of the organization (<c>Keel:Currency</c>, default EUR).</summary>
public sealed record OrganizationCurrency(string Code)
{
    public static readonly OrganizationCurrency Default = new("EUR");

    public Money Of(MoneyDraft? draft) => new(draft?.Minor ?? 0, string.IsNullOrWhiteSpace(draft?.Currency) ? Code : draft.Currency.Trim());
}

/// <summary>Work that refers to a service or CI (the work area answers; the services area must not reach into its tables).</summary>
public interface IServiceWorkCounter
{
    Task<int> OpenWorkItemsAsync(Guid serviceId, CancellationToken ct);

    /// <summary>All work items that name the CI, and how many of them are open.</summary>
    Task<(int All, int Open)> WorkOnCiAsync(Guid ciId, CancellationToken ct);
}
