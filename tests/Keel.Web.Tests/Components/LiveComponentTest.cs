using System.Security.Claims;
using Bunit;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Accounts;
using Keel.Application.ServiceLevels;
using Keel.Application.Services;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Web.Auth;
using Keel.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Web.Tests.Components;

/// <summary>
/// bUnit on the real use cases (as the host registers them) and a clone of the tiny demo database that KeelApp uses:
/// components call the same services as in the app, each operation in its own scope, acting as the person signed in.
/// </summary>
public abstract class LiveComponentTest(DatabaseFixture databases) : ComponentTest
{
    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected TestDatabase? DatabaseOrNull { get; private set; }

    protected TestDatabase Database => DatabaseOrNull ?? throw new InvalidOperationException("Call UseTinyDatabaseAsync or SignInAsync first.");

    /// <summary>A clone of the tiny organization, wired into this context's services (SignInAsync calls it when needed).</summary>
    protected async Task UseTinyDatabaseAsync()
    {
        DatabaseOrNull = await databases.CreateAsync(DatabaseProvider.Sqlite, "tiny", KeelApp.SeedTinyAsync, Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(DatabaseOrNull.Settings).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<TimeProvider>(DatabaseOrNull.Time);
        Services.AddKeelDb(configuration);
        // As the host has it: the people and account use cases work through Identity's UserManager.
        Services.AddLogging();
        Services.AddIdentityCore<KeelUser>(SignInPolicy.Apply).AddRoles<KeelRole>().AddEntityFrameworkStores<KeelDb>();
        Services.AddPlatformUseCases();
        Services.AddServicesUseCases();
        Services.AddWorkUseCases();
        Services.AddServiceLevelUseCases();
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
    }

    /// <summary>Signs in a person of the tiny organization with their real id and stored roles; returns the database.</summary>
    protected async Task<TestDatabase> SignInAsync(string userName)
    {
        if (DatabaseOrNull is null)
        {
            await UseTinyDatabaseAsync();
        }
        await using var db = Database.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Ct);
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles([.. roles]);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        return Database;
    }

    protected async Task<Guid> ServiceIdAsync(string name)
    {
        await using var db = Database.NewDbContext();
        return await db.Set<Keel.Domain.Services.Service>().Where(s => s.Name == name).Select(s => s.Id).SingleAsync(Ct);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (DatabaseOrNull is not null)
        {
            await DatabaseOrNull.DisposeAsync();
        }
    }
}
