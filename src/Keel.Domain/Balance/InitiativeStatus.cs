namespace Keel.Domain.Balance;

/// <summary>Where an initiative stands: proposed, approved, in progress, delivered, reviewed (benefits known) or cancelled.</summary>
public enum InitiativeStatus
{
    Proposed,
    Approved,
    InProgress,
    Delivered,
    Reviewed,
    Cancelled,
}
