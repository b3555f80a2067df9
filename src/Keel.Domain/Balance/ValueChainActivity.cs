namespace Keel.Domain.Balance;

/// <summary>The six activities of the ITIL 4 service value chain; every piece of work contributes to one.</summary>
public enum ValueChainActivity
{
    Plan,
    Improve,
    Engage,
    DesignAndTransition,
    ObtainBuild,
    DeliverAndSupport,
}
