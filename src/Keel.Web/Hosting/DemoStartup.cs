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
        // The password itself is never logged; Describe() names only where it comes from.
        var password = DemoPassword.Resolve(configuration, contentRoot);
        var result = await DemoSeeder.SeedAsync(db, profile, password.Password, services.GetRequiredService<TimeProvider>(), ct);
        logger.LogInformation("Demo organization: {Summary}. Demo password: {PasswordSource}", result.Summary, password.Describe());
    }
}
