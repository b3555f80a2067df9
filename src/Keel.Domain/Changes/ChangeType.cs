namespace Keel.Domain.Changes;

/// <summary>How a change is authorized (ITIL 4 change enablement).</summary>
public enum ChangeType
{
    /// <summary>Low risk, done often, pre-authorized: raised from a <see cref="ChangeTemplate"/> and scheduled without approval.</summary>
    Standard,

    /// <summary>Assessed and authorized by the change authority its risk calls for.</summary>
    Normal,

    /// <summary>Must be done at once (to restore service or close a threat); authorized by the emergency CAB.</summary>
    Emergency,
}

public enum RiskLevel
{
    Low,
    Medium,
    High,
}

/// <summary>The outcome a post-implementation review records.</summary>
public enum ReviewOutcome
{
    Successful,
    SuccessfulWithIssues,
    Failed,
    BackedOut,
}
