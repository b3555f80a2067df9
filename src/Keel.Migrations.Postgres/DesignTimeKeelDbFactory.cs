using Keel.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Keel.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for Postgres without starting the web host; no database is opened.</summary>
public sealed class DesignTimeKeelDbFactory : IDesignTimeDbContextFactory<KeelDb>
{
    public KeelDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KeelDb>();
        KeelDbSetup.Configure(options, DatabaseProvider.Postgres, "Host=localhost;Database=keel_design;Username=keel;Password=keel");
        return new KeelDb(options.Options);
    }
}
