namespace Keel.Domain.Work;

/// <summary>Why an incident waits; the service-level clocks pause for the reasons their policy names.</summary>
public enum HoldReason
{
    AwaitingCaller,
    AwaitingVendor,
    AwaitingChange,
    AwaitingProblem,
}
