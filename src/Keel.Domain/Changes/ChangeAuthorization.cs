namespace Keel.Domain.Changes;

/// <summary>Who authorizes a change (ITIL 4's change authority).</summary>
public enum ChangeAuthority
{
    /// <summary>Any one change manager: the first decision settles it.</summary>
    ChangeManager,

    /// <summary>The change advisory board: every CAB member is asked; a quorum of approvals authorizes.</summary>
    Cab,

    /// <summary>The emergency CAB: change managers and CAB members together, with a small quorum (default 2) so it can meet at once.</summary>
    EmergencyCab,
}

public enum AuthorizationOutcome
{
    Pending,
    Authorized,
    Rejected,
}

/// <summary>
/// The authorization rules. Low and Medium risk: the change managers, the first decision settles it (one approval
/// authorizes, one rejection rejects) and the other approvals are withdrawn. High risk: the CAB; the change is
/// authorized once approvals reach the quorum (configurable; default a majority of the CAB members asked) and rejected
/// as soon as so many members rejected that the quorum can no longer be reached. Emergency: the emergency CAB
/// (change managers and CAB members), the same quorum rule with a fixed quorum (default 2). Nobody is asked to
/// approve a change they raised or are assigned to, and the quorum counts only the members who were asked.
/// </summary>
public static class ChangeAuthorization
{
    public const int DefaultEmergencyQuorum = 2;

    public static ChangeAuthority AuthorityFor(ChangeType type, RiskLevel risk) => type switch
    {
        ChangeType.Emergency => ChangeAuthority.EmergencyCab,
        _ when risk == RiskLevel.High => ChangeAuthority.Cab,
        _ => ChangeAuthority.ChangeManager,
    };

    /// <summary>The approvals needed out of <paramref name="approvers"/> asked; null when the authority can never reach it.</summary>
    public static int? QuorumFor(ChangeAuthority authority, int approvers, int? cabQuorum = null, int emergencyQuorum = DefaultEmergencyQuorum)
    {
        var quorum = authority switch
        {
            ChangeAuthority.ChangeManager => 1,
            ChangeAuthority.Cab => cabQuorum ?? Majority(approvers),
            ChangeAuthority.EmergencyCab => emergencyQuorum,
        };
        return approvers == 0 || quorum < 1 || quorum > approvers ? null : quorum;
    }

    /// <summary>More than half: 1 of 1, 2 of 2 or 3, 3 of 4 or 5.</summary>
    public static int Majority(int members) => members / 2 + 1;

    public static AuthorizationOutcome Decide(ChangeAuthority authority, int quorum, int approved, int rejected, int pending)
    {
        if (authority == ChangeAuthority.ChangeManager && rejected > 0)
        {
            return AuthorizationOutcome.Rejected;
        }
        if (approved >= quorum)
        {
            return AuthorizationOutcome.Authorized;
        }
        return approved + pending < quorum ? AuthorizationOutcome.Rejected : AuthorizationOutcome.Pending;
    }
}
