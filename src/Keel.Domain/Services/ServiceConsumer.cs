using Keel.Domain.Platform;

namespace Keel.Domain.Services;

/// <summary>
/// A business unit that consumes a service. Its part of the service's cost is either a fixed share agreed
/// with it, or measured each period by tickets or consuming users.
/// </summary>
public sealed class ServiceConsumer : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ServiceId { get; set; }
    public Guid BusinessUnitId { get; set; }
    public AllocationBasis Basis { get; set; } = AllocationBasis.FixedShares;

    /// <summary>The fixed share 0–1; present exactly when <see cref="Basis"/> is FixedShares.</summary>
    public decimal? Share { get; set; }

    public long Version { get; set; }

    public void Validate(FieldErrors errors)
    {
        if (ServiceId == Guid.Empty)
        {
            errors.Add("serviceId", "is required.");
        }
        if (BusinessUnitId == Guid.Empty)
        {
            errors.Add("businessUnitId", "is required.");
        }
        if (!Enum.IsDefined(Basis))
        {
            errors.Add("basis", "must be Tickets, ConsumingUsers or FixedShares.");
        }
        else if (Basis == AllocationBasis.FixedShares)
        {
            if (Share is { } share)
            {
                Fractions.Check(errors, "share", share);
            }
            else
            {
                errors.Add("share", "is required when the basis is FixedShares.");
            }
        }
        else if (Share is not null)
        {
            errors.Add("share", "is measured, not set, when the basis is Tickets or ConsumingUsers.");
        }
    }

    /// <summary>
    /// The consumers of one service taken together: each business unit at most once, and fixed shares adding
    /// up to at most 1 (the rest is divided by the measured bases, or stays with IT when there are none).
    /// </summary>
    public static void ValidateSet(IReadOnlyList<ServiceConsumer> consumers, FieldErrors errors)
    {
        var seen = new HashSet<Guid>();
        for (var i = 0; i < consumers.Count; i++)
        {
            if (!seen.Add(consumers[i].BusinessUnitId))
            {
                errors.Add($"consumers[{i}].businessUnitId", "is already a consumer of this service.");
            }
        }
        var fixedTotal = consumers.Where(c => c.Basis == AllocationBasis.FixedShares).Sum(c => c.Share ?? 0m);
        if (fixedTotal > 1m)
        {
            errors.Add("consumers", $"fixed shares add up to {fixedTotal}, more than 1.");
        }
    }
}
