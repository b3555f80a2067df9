using Keel.Domain.Platform;

namespace Keel.Domain.Services;

/// <summary>Why an outcome is worth money: the four ways IT creates value for the business.</summary>
public enum OutcomeBasis
{
    RevenueEnabled,
    CostAvoided,
    RiskReduced,
    Regulatory,
}

/// <summary>
/// A business outcome a service enables (e.g. "online orders" for Sales, worth 2 M a year), and the part of
/// that value this service contributes. One record per service: two services enabling the same outcome each
/// carry their own contribution.
/// </summary>
public sealed class BusinessOutcome : IAudited, IVersioned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public required string Name { get; set; }
    public Guid BusinessUnitId { get; set; }
    public Money YearlyValue { get; set; }
    public OutcomeBasis Basis { get; set; }

    /// <summary>This service's part of the outcome, 0–1.</summary>
    public decimal Contribution { get; set; }

    public long Version { get; set; }

    public void Validate(FieldErrors errors, string organizationCurrency)
    {
        errors.Required("name", Name, NameMaxLength);
        if (ServiceId == Guid.Empty)
        {
            errors.Add("serviceId", "is required.");
        }
        if (BusinessUnitId == Guid.Empty)
        {
            errors.Add("businessUnitId", "is required.");
        }
        YearlyValue.Validate(errors, "yearlyValue", organizationCurrency);
        if (!Enum.IsDefined(Basis))
        {
            errors.Add("basis", "must be RevenueEnabled, CostAvoided, RiskReduced or Regulatory.");
        }
        Fractions.Check(errors, "contribution", Contribution);
    }
}
