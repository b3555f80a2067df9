namespace Keel.Domain.Platform;

/// <summary>A part of the business that consumes IT services (sales, finance, operations...).</summary>
public sealed class BusinessUnit : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public required string Code { get; set; }
    public string? Description { get; set; }
    public long Version { get; set; }
}
