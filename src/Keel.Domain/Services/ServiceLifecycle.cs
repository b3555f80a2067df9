using Keel.Domain.Platform;

namespace Keel.Domain.Services;

/// <summary>Where a service stands in the portfolio (ITIL 4 service portfolio: pipeline, catalogue, retired).</summary>
public enum ServiceLifecycle
{
    /// <summary>Being designed or built; not offered to anyone yet.</summary>
    Pipeline,

    /// <summary>In operation and, through its catalogue items, offered to its consumers.</summary>
    Live,

    /// <summary>No longer offered; kept for its history, costs and reports.</summary>
    Retired,
}

/// <summary>The allowed lifecycle moves of a service.</summary>
public static class ServiceLifecycleRules
{
    /// <summary>
    /// Pipeline → Live or Retired (an idea dropped before launch); Live → Retired; Retired → Pipeline.
    /// A retired service never jumps straight back to Live: bringing it back is a design-and-transition
    /// job again, so it re-enters the pipeline and does not reappear in the portal unnoticed.
    /// </summary>
    public static IReadOnlyList<ServiceLifecycle> AllowedFrom(ServiceLifecycle from) => from switch
    {
        ServiceLifecycle.Pipeline => [ServiceLifecycle.Live, ServiceLifecycle.Retired],
        ServiceLifecycle.Live => [ServiceLifecycle.Retired],
        ServiceLifecycle.Retired => [ServiceLifecycle.Pipeline],
    };

    public static bool CanMove(ServiceLifecycle from, ServiceLifecycle to) => AllowedFrom(from).Contains(to);

    public static Error? Check(ServiceLifecycle from, ServiceLifecycle to) =>
        CanMove(from, to)
            ? null
            : Error.IllegalTransition(from.ToString(), to.ToString(), AllowedFrom(from).Select(s => s.ToString()).ToArray());
}
