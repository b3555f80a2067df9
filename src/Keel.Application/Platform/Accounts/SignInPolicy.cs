namespace Keel.Application.Platform.Accounts;

/// <summary>Thresholds of API.md: ten failures for one user name within five minutes lock it for five minutes.</summary>
public static class SignInPolicy
{
    public const int MaxFailures = 10;
    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(5);
    public const int MinPasswordLength = 12;
}
