namespace Keel.Domain.Balance;

/// <summary>
/// That the IT leaders were told about one drift alert (a scope, a category, a direction and the month its run began),
/// so the daily check tells them once per alert however long the drift lasts.
/// </summary>
public sealed class DriftNotice
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid? TeamId { get; set; }
    public InvestmentCategory Category { get; set; }
    public DriftDirection Direction { get; set; }
    public DateOnly Since { get; set; }
    public DateTime NotifiedAt { get; set; }
}
