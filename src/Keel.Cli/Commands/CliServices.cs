using Keel.Application.Data;
using Keel.Application.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Cli.Commands;

/// <summary>The same configuration and database wiring as the web host, acting as the system user.</summary>
internal static class CliServices
{
    /// <summary>An optional appsettings.json in the current folder, then environment variables (Keel__Database__Provider...).</summary>
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICurrentUser>(SystemUser.Instance);
        services.AddKeelDb(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Applies pending migrations; returns how many there were.</summary>
    public static async Task<int> MigrateAsync(KeelDb db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        await KeelDbSetup.MigrateAsync(db, ct);
        return pending;
    }

    /// <summary>Names the provider, never the connection string (it may hold a password).</summary>
    public static string Describe(KeelDb db) => db.IsPostgres ? "PostgreSQL" : "SQLite";
}
