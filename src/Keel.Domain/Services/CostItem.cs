using Keel.Domain.Platform;

namespace Keel.Domain.Services;

public enum CostCategory
{
    Licences,
    Infrastructure,
    Vendors,
    Other,
}

/// <summary>A fixed monthly cost of one service. Labour is not here: it comes from time logged at the teams' hourly rates.</summary>
public sealed class CostItem : IAudited, IVersioned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public required string Name { get; set; }
    public Money Monthly { get; set; }
    public CostCategory Category { get; set; }
    public long Version { get; set; }

    public void Validate(FieldErrors errors, string organizationCurrency)
    {
        errors.Required("name", Name, NameMaxLength);
        if (ServiceId == Guid.Empty)
        {
            errors.Add("serviceId", "is required.");
        }
        Monthly.Validate(errors, "monthly", organizationCurrency);
        if (!Enum.IsDefined(Category))
        {
            errors.Add("category", "must be Licences, Infrastructure, Vendors or Other.");
        }
    }
}
