namespace Keel.Domain.Services;

/// <summary>How a shared amount (a cost pool, or a service's cost across its consumers) is divided.</summary>
public enum AllocationBasis
{
    /// <summary>In proportion to the tickets raised in the period.</summary>
    Tickets,

    /// <summary>In proportion to the people who use the service.</summary>
    ConsumingUsers,

    /// <summary>By shares agreed up front and stored with the record.</summary>
    FixedShares,
}
