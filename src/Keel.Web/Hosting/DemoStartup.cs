using Keel.Application.Data;
using Keel.Application.Demo;

namespace Keel.Web.Hosting;

/// <summary>Seeds the demo organization at start-up when <c>Keel:Demo:Seed</c> is true and the database is empty.</summary>
internal static class DemoStartup
{
    public static async Task SeedIfAskedAsync(IServiceProvider services, IConfiguration configuration, string contentRoot, ILogger logger, CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Keel:Demo:Seed"))
        {
            return;
        }
        var db = services.GetRequiredService<KeelDb>();
        if (!await DemoSeeder.CanSeedAsync(db, ct))
        {
            return;
        }
        var profileName = configuration["Keel:Demo:Profile"] ?? "demo";
        if (!DemoProfiles.TryParse(profileName, out var profile))
        {
            throw new InvalidOperationException($"Keel:Demo:Profile '{profileName}' is not one of: {string.Join(", ", DemoProfiles.Names)}.");
        }
        var options = new DemoSeedOptions { WorkItems = configuration.GetValue<int?>("Keel:Demo:Items") };
        if (options.RefusalFor(profile) is { } refusal)
        {
            throw new InvalidOperationException($"Keel:Demo:Items '{options.WorkItems}' does not fit the {profileName} profile: {refusal}");
        }
        var workItems = options.WorkItemsFor(profile);
        // The password itself is never logged; Describe() names only where it comes from.
        var password = DemoPassword.Resolve(configuration, contentRoot);
        logger.LogInformation("Seeding the demo organization (profile {Profile}, {WorkItems} work items)", profileName, workItems);
        var result = await DemoSeeder.SeedAsync(db, profile, password.Password, services.GetRequiredService<TimeProvider>(), options, new LoggedProgress(logger), ct);
        logger.LogInformation("Demo organization: {Summary}. Demo password: {PasswordSource}", result.Summary, password.Describe());
    }

    /// <summary>
    /// One log line as each step starts, so a long first start (the demo profile's history takes tens of seconds)
    /// shows what it is doing. Synchronous, unlike Progress&lt;T&gt;, so the lines come in step order.
    /// </summary>
    private sealed class LoggedProgress(ILogger logger) : IProgress<DemoSeedProgress>
    {
        public void Report(DemoSeedProgress value) =>
            logger.LogInformation("Seeding {Step} ({Number}/{Steps})", value.Name, value.Step, value.Steps);
    }
}
