using Keel.Application.Platform;
using Keel.Application.Platform.Notifications;
using Keel.Application.ServiceLevels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Data;

public static class KeelDbSetup
{
    public const string SqliteMigrations = "Keel.Migrations.Sqlite";
    public const string PostgresMigrations = "Keel.Migrations.Postgres";

    /// <summary>Registers KeelDb for the configured provider, with the audit interceptor.</summary>
    public static IServiceCollection AddKeelDb(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Keel:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = configuration.GetConnectionString("Keel") ?? DatabaseOptions.DefaultSqlite;
        services.AddSingleton(options);
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton(new NotificationLinks(configuration["Keel:PublicUrl"] ?? NotificationLinks.DefaultPublicUrl));
        services.AddSingleton<NotificationInterceptor>();
        services.AddSingleton<ServiceLevelInterceptor>();
        services.AddDbContext<KeelDb>((sp, db) =>
        {
            Configure(db, options.Provider, connectionString);
            db.AddInterceptors(
                sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<ServiceLevelInterceptor>(), sp.GetRequiredService<NotificationInterceptor>());
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                db.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations));
                break;
            case DatabaseProvider.Postgres:
                db.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrations));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    /// <summary>Applies migrations; on SQLite also switches the file to write-ahead logging (kept in the file).</summary>
    public static async Task MigrateAsync(KeelDb db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
