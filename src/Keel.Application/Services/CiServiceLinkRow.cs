namespace Keel.Application.Services;

/// <summary>
/// The stored link between a configuration item and a service it delivers: a table of its own (not JSON in the
/// CI) so that impact analysis reads every link in one projection and a service's CIs are an index seek.
/// </summary>
public sealed class CiServiceLinkRow
{
    public Guid CiId { get; set; }
    public Guid ServiceId { get; set; }
}
