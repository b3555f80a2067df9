namespace Keel.Application.Demo;

/// <summary>
/// One step of the demo seed (roles, organization, and later services, work items...). Steps run in order inside
/// one transaction and may read what earlier steps put into the <see cref="DemoSeedContext"/>.
/// </summary>
internal interface IDemoSeedStep
{
    /// <summary>What the progress display shows while the step runs.</summary>
    string Name { get; }

    Task RunAsync(DemoSeedContext context, CancellationToken ct);
}
