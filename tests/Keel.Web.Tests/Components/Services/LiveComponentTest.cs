using System.Security.Claims;
using Bunit;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Web.Auth;
using Keel.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Components.Services;

/// <summary>
/// bUnit on the real use cases and a clone of the tiny demo database: components call the same services as in the app,
/// each operation in its own scope acting as the person the test signs in.
/// </summary>
public abstract class LiveComponentTest(DatabaseFixture databases) : ComponentTest
{
    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected TestDatabase Database { get; private set; } = null!;

    /// <summary>A clone of the same tiny organization KeelApp uses, wired into this context's services.</summary>
    protected async Task UseTinyDatabaseAsync()
    {
        Database = await databases.CreateAsync(DatabaseProvider.Sqlite, "tiny", SeedTinyAsync, Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Database.Settings).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton(TimeProvider.System);
        Services.AddKeelDb(configuration);
        Services.AddPlatformUseCases();
        Services.AddServicesUseCases();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
    }

    /// <summary>Signs in a demo account with its one role and its real user id.</summary>
    protected async Task SignInAsync(string userName)
    {
        await using var db = Database.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(DemoAccounts.Get(userName).Role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
    }

    protected async Task<Guid> ServiceIdAsync(string name)
    {
        await using var db = Database.NewDbContext();
        return await db.Set<Keel.Domain.Services.Service>().Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Ct);
    }

    private static async Task SeedTinyAsync(TestDatabase template, CancellationToken ct)
    {
        await using var db = template.NewDbContext();
        await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, KeelApp.Password, TimeProvider.System, ct);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }
}
