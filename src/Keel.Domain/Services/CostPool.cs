using Keel.Domain.Platform;

namespace Keel.Domain.Services;

/// <summary>
/// A shared monthly cost (a data centre, the service desk's tooling) divided among services by one basis
/// chosen per pool.
/// </summary>
public sealed class CostPool : IAudited, IVersioned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public Money Monthly { get; set; }
    public AllocationBasis Basis { get; set; }

    /// <summary>Used only with <see cref="AllocationBasis.FixedShares"/>: each service's share, adding up to exactly 1.</summary>
    public List<CostPoolShare> Shares { get; set; } = [];

    public long Version { get; set; }

    public void Validate(FieldErrors errors, string organizationCurrency)
    {
        errors.Required("name", Name, NameMaxLength);
        Monthly.Validate(errors, "monthly", organizationCurrency);
        if (!Enum.IsDefined(Basis))
        {
            errors.Add("basis", "must be Tickets, ConsumingUsers or FixedShares.");
            return;
        }
        if (Basis != AllocationBasis.FixedShares)
        {
            if (Shares.Count > 0)
            {
                errors.Add("shares", "are measured, not set, when the basis is Tickets or ConsumingUsers.");
            }
            return;
        }
        if (Shares.Count == 0)
        {
            errors.Add("shares", "are required when the basis is FixedShares.");
            return;
        }
        var seen = new HashSet<Guid>();
        for (var i = 0; i < Shares.Count; i++)
        {
            if (Shares[i].ServiceId == Guid.Empty)
            {
                errors.Add($"shares[{i}].serviceId", "is required.");
            }
            else if (!seen.Add(Shares[i].ServiceId))
            {
                errors.Add($"shares[{i}].serviceId", "appears more than once.");
            }
            Fractions.Check(errors, $"shares[{i}].share", Shares[i].Share);
        }
        // Every cent of a pool lands on some service: a cost that lands nowhere is a cost nobody sees.
        var total = Shares.Sum(s => s.Share);
        if (total != 1m)
        {
            errors.Add("shares", $"must add up to exactly 1 (they add up to {total}).");
        }
    }
}

/// <summary>One service's fixed share of a cost pool.</summary>
public sealed record CostPoolShare(Guid ServiceId, decimal Share);
