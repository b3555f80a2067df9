using Keel.Application.Data;

namespace Keel.Web.Hosting;

/// <summary>
/// Runs before the server takes requests: applies migrations (unless turned off) and seeds the demo
/// organization into an empty database when asked, then reports ready.
/// </summary>
internal sealed class StartupTasks(IServiceProvider services, DatabaseOptions database, Readiness readiness,
    IConfiguration configuration, IWebHostEnvironment environment, ILogger<StartupTasks> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDb>();
        if (database.MigrateOnStartup)
        {
            logger.LogInformation("Applying migrations ({Provider})", database.Provider);
            await KeelDbSetup.MigrateAsync(db, cancellationToken);
        }
        await DemoStartup.SeedIfAskedAsync(scope.ServiceProvider, configuration, environment.ContentRootPath, logger, cancellationToken);
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
