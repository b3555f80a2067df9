namespace Keel.Domain.Services.Catalog;

/// <summary>Who must approve a request for a catalogue item before fulfilment starts.</summary>
public enum ApprovalNeed
{
    None,
    RequesterManager,
    ServiceOwner,
}
