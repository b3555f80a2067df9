namespace Keel.Domain.Services.Catalog;

/// <summary>
/// One task created for every request of a catalogue item. Tasks start in ascending <see cref="Order"/>;
/// tasks that share an order run side by side, and the next order starts when all of them are done.
/// </summary>
public sealed record FulfilmentTaskTemplate
{
    public const int TitleMaxLength = 200;

    public required string Title { get; init; }
    public Guid TeamId { get; init; }
    public int Order { get; init; } = 1;
}
