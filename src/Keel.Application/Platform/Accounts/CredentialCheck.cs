using Keel.Application.Data;
using Keel.Domain.Platform;
using Microsoft.AspNetCore.Identity;

namespace Keel.Application.Platform.Accounts;

/// <summary>
/// The one place that checks a user name and password, for the login page and for API tokens alike.
/// Every failure gives the same answer so that a caller cannot learn whether a user exists or is locked.
/// </summary>
public sealed class CredentialCheck(UserManager<KeelUser> users, KeelDb db, TimeProvider time)
{
    public static readonly Error Failed = new(ErrorKind.Unauthorized, "invalid_credentials", "The user name or password is not correct.");

    public async Task<Result<KeelUser>> CheckAsync(string? userName, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            return Failed;
        }
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null || !user.IsActive)
        {
            // Spend the same time as a real check, so response times do not reveal which user names exist.
            users.PasswordHasher.VerifyHashedPassword(new KeelUser(), DummyHash.Value, password);
            return Failed;
        }
        if (await users.IsLockedOutAsync(user))
        {
            return Failed;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (user.LastFailedSignInAt is { } last && now - last > SignInPolicy.FailureWindow && user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            user.LastFailedSignInAt = now;
            await users.AccessFailedAsync(user);
            return Failed;
        }
        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }
        await db.Entry(user).ReloadAsync(ct);
        return user;
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<KeelUser>().HashPassword(new KeelUser(), Guid.NewGuid().ToString()));
}
