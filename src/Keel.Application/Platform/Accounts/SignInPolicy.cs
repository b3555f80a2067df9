using Microsoft.AspNetCore.Identity;

namespace Keel.Application.Platform.Accounts;

/// <summary>Thresholds of API.md: ten failures for one user name within five minutes lock it for five minutes.</summary>
public static class SignInPolicy
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);
    public const int MinPasswordLength = 12;

    /// <summary>Keel's Identity rules, in one place for the host and for tests that set passwords.</summary>
    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = MinPasswordLength;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.MaxFailedAccessAttempts = MaxFailures;
        o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
    }
}
