namespace Keel.Domain.ServiceLevels;

/// <summary>A local date on which a calendar has no working time at all.</summary>
public sealed record Holiday(DateOnly Date, string Name)
{
    public const int NameMaxLength = 100;
}
