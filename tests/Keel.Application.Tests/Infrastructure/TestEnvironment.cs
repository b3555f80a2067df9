namespace Keel.Application.Tests.Infrastructure;

/// <summary>
/// What scripts/test.sh tells the tests through the environment:
/// <c>KEEL_TEST_POSTGRES</c> (an Npgsql connection string to a server where the tests may create databases),
/// <c>KEEL_TEST_FAST=1</c> (SQLite only), <c>KEEL_TEST_REQUIRE_POSTGRES=1</c> (a missing PostgreSQL fails) and
/// <c>KEEL_TEST_TMP</c> (a folder for test files that the script removes).
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "KEEL_TEST_POSTGRES";
    public const string FastVariable = "KEEL_TEST_FAST";
    public const string RequirePostgresVariable = "KEEL_TEST_REQUIRE_POSTGRES";
    public const string TempVariable = "KEEL_TEST_TMP";

    /// <summary>Where tests put their files: <c>KEEL_TEST_TMP</c> (scripts/test.sh removes it on exit, even after Ctrl-C) or the system temp folder.</summary>
    public static string TempRoot =>
        Environment.GetEnvironmentVariable(TempVariable) is { Length: > 0 } value ? Directory.CreateDirectory(value).FullName : Path.GetTempPath();

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static bool Fast => IsOn(FastVariable);

    public static bool RequirePostgres => IsOn(RequirePostgresVariable);

    /// <summary>Why PostgreSQL tests are skipped in this run, or null when they run (and must pass).</summary>
    public static string? PostgresSkipReason
    {
        get
        {
            if (RequirePostgres)
            {
                return null;
            }
            if (Fast)
            {
                return $"PostgreSQL skipped in fast mode ({FastVariable}=1)";
            }
            return PostgresConnectionString is null ? $"PostgreSQL not configured ({PostgresVariable})" : null;
        }
    }

    /// <summary>The PostgreSQL server to use; skips the current test or fails it loudly when there is none.</summary>
    public static string RequirePostgresConnectionString()
    {
        if (PostgresConnectionString is { } connectionString && !(Fast && !RequirePostgres))
        {
            return connectionString;
        }
        if (RequirePostgres)
        {
            throw new InvalidOperationException(
                $"{RequirePostgresVariable}=1 but {PostgresVariable} is not set: PostgreSQL tests must run in this mode. " +
                "Run scripts/test.sh, which starts a private PostgreSQL cluster.");
        }
        Assert.Skip(PostgresSkipReason ?? $"PostgreSQL not configured ({PostgresVariable})");
        return ""; // not reached: Assert.Skip throws
    }

    private static bool IsOn(string variable) =>
        Environment.GetEnvironmentVariable(variable) is "1" or "true" or "True" or "TRUE";
}
