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
/// bUnit for whole pages: the real use cases (as the host registers them) on a copy of the tiny demo database,
/// with the page acting as one demo account. Each use-case call opens its own scope, as in a circuit.
/// </summary>
public abstract class UseCasePageTest(DatabaseFixture databases) : ComponentTest
{
    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>A fresh copy of the tiny organization, with the page signed in as <paramref name="userName"/>; dispose it after the test.</summary>
    protected async Task<TestDatabase> SignInAsync(string userName)
    {
        var database = await databases.CreateAsync(DatabaseProvider.Sqlite, "tiny", SeedTinyAsync, Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<TimeProvider>(database.Time);
        Services.AddKeelDb(configuration);
        Services.AddPlatformUseCases();
        Services.AddServicesUseCases();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

        await using var db = database.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Ct);
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles([.. roles]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        return database;
    }

    /// <summary>The same template as <see cref="KeelApp"/>'s (same name, same seed), so it is prepared once per run.</summary>
    private static async Task SeedTinyAsync(TestDatabase template, CancellationToken ct)
    {
        await using var db = template.NewDbContext();
        await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, KeelApp.Password, TimeProvider.System, ct);
    }
}
