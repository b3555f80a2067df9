using Keel.Application.Platform;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Data;

/// <summary>
/// The one database of Keel. Entity configurations live beside their area (IEntityTypeConfiguration classes)
/// and are picked up from this assembly, so an area adds tables without touching this file.
/// </summary>
public sealed class KeelDb(DbContextOptions<KeelDb> options)
    : IdentityDbContext<KeelUser, KeelRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Set by bulk writers (the demo seed) whose history is not news to anyone.</summary>
    public bool SuppressNotifications { get; set; }

    /// <summary>Set by bulk writers (the demo seed) that compute the clocks of what they write themselves.</summary>
    public bool SuppressClocks { get; set; }

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(KeelDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored in UTC; SQLite forgets the kind on the way back, so restore it.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
