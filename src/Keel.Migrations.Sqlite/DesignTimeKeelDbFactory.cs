using Keel.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Keel.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for Sqlite without starting the web host; no database is opened.</summary>
public sealed class DesignTimeKeelDbFactory : IDesignTimeDbContextFactory<KeelDb>
{
    public KeelDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KeelDb>();
        KeelDbSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new KeelDb(options.Options);
    }
}
