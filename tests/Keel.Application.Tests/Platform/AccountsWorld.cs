using System.Text.RegularExpressions;
using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Platform.Accounts;
using Keel.Application.Platform.Notifications;
using Keel.Application.Platform.Organization;
using Keel.Application.Tests.Infrastructure;
using Keel.Domain.Platform.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Application.Tests.Platform;

/// <summary>
/// The account use cases on a test database, wired as in the app (AddPlatformUseCases, Identity with Keel's password
/// rules, <c>Keel:Accounts</c> from configuration) on the test's fake clock; one DI scope per call, like a request.
/// </summary>
internal sealed class AccountsWorld(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
{
    public const string PublicUrl = "https://keel.example";
    public const string OldPassword = "Old-Password-2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public TestDatabase Database => database;

    /// <summary>Runs one use case as <paramref name="actor"/> (anonymous when null, as on the forgot-password page).</summary>
    public async Task<T> RunAsync<T>(ICurrentUser? actor, Func<IServiceProvider, Task<T>> call)
    {
        var user = actor ?? Anonymous;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(database.Time);
        services.AddSingleton(user);
        services.AddSingleton(new NotificationLinks(PublicUrl));
        services.AddScoped(_ => database.NewDbContext(user));
        services.AddIdentityCore<KeelUser>(SignInPolicy.Apply).AddRoles<KeelRole>().AddEntityFrameworkStores<KeelDb>();
        services.AddPlatformUseCases();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        return await call(scope.ServiceProvider);
    }

    public Task<T> LinksAsync<T>(ICurrentUser? actor, Func<AccountLinkService, Task<T>> call) =>
        RunAsync(actor, s => call(s.GetRequiredService<AccountLinkService>()));

    public Task<T> PeopleAsync<T>(Func<PeopleService, Task<T>> call) =>
        RunAsync(TestUser.Admin, s => call(s.GetRequiredService<PeopleService>()));

    /// <summary>An active person with an e-mail address and the password <see cref="OldPassword"/>.</summary>
    public async Task<KeelUser> AddPersonAsync(string userName, bool active = true, bool withEmail = true)
    {
        var user = await PlatformData.AddUserAsync(database, userName);
        await using var db = database.NewDbContext();
        db.Attach(user);
        user.DisplayName = $"{char.ToUpperInvariant(userName[0])}{userName[1..]} Example";
        user.Email = withEmail ? $"{userName}@keel-test.example" : null;
        user.NormalizedEmail = user.Email?.ToUpperInvariant();
        user.IsActive = active;
        user.SecurityStamp = "stamp-before";
        user.PasswordHash = new PasswordHasher<KeelUser>().HashPassword(user, OldPassword);
        await db.SaveChangesAsync(Ct);
        return user;
    }

    public async Task<KeelUser> ReloadAsync(Guid id)
    {
        await using var db = database.NewDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct);
    }

    public async Task<bool> PasswordIsAsync(Guid id, string password)
    {
        var user = await ReloadAsync(id);
        return user.PasswordHash is not null
            && new PasswordHasher<KeelUser>().VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    public async Task<List<Notification>> MessagesAsync(Guid? to = null)
    {
        await using var db = database.NewDbContext();
        return await db.Set<Notification>().Where(n => to == null || n.RecipientId == to).OrderBy(n => n.CreatedAt).ToListAsync(Ct);
    }

    /// <summary>The secret of the newest link e-mailed to <paramref name="to"/> (read from the pending e-mail body).</summary>
    public async Task<string> TokenSentToAsync(Guid to) => TokenIn((await MessagesAsync(to)).Last().Body);

    public static string TokenIn(string text) => Regex.Match(text, @"token=([A-Za-z0-9_\-]+)").Groups[1].Value is { Length: > 0 } token
        ? token
        : throw new InvalidOperationException("No link with a token in: " + text);

    private static readonly TestUser Anonymous = new("anonymous", null);
}
