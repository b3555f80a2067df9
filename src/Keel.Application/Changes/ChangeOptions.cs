using Keel.Domain.Changes;

namespace Keel.Application.Changes;

/// <summary>The change authority's settings (<c>Keel:Changes</c>), read when a change enters Authorize.</summary>
public sealed class ChangeOptions
{
    /// <summary>Approvals that authorize a high-risk change; null (default) = a majority of the CAB members asked.</summary>
    public int? CabQuorum { get; set; }

    /// <summary>Approvals that authorize an emergency change (from change managers and CAB members together).</summary>
    public int EmergencyCabQuorum { get; set; } = ChangeAuthorization.DefaultEmergencyQuorum;
}
