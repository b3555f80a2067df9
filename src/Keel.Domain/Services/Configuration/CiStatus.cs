namespace Keel.Domain.Services.Configuration;

public enum CiStatus
{
    /// <summary>Ordered or being built; not yet delivering anything.</summary>
    Planned,

    /// <summary>In service.</summary>
    Active,

    /// <summary>In service but in a maintenance window or degraded on purpose.</summary>
    Maintenance,

    /// <summary>Taken out of service; kept for history and past work.</summary>
    Retired,
}
