using System.Collections.Concurrent;
using System.Security.Cryptography;
using Keel.Application.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Keel.Application.Tests.Infrastructure;

/// <summary>
/// Assembly fixture (see AssemblyFixtures.cs). For each provider it migrates one template database per test run, on
/// first use, and gives every test its own clone (SQLite: a copy of the file; PostgreSQL: CREATE DATABASE … TEMPLATE),
/// dropped when the test disposes it; templates are dropped at the end of the run.
/// <code>
/// public sealed class MyTests(DatabaseFixture databases)
/// {
///     [Theory, DatabaseData]
///     public async Task Thing_Condition_Outcome(DatabaseProvider provider)
///     {
///         await using var database = await databases.CreateAsync(provider, TestContext.Current.CancellationToken);
///         await using var db = database.NewDbContext();
/// </code>
/// Another test assembly reuses it with its own <c>[assembly: AssemblyFixture(typeof(DatabaseFixture))]</c>.
/// </summary>
public sealed class DatabaseFixture : IAsyncDisposable
{
    /// <summary>The template that is only migrated.</summary>
    public const string Empty = "empty";

    private const string SqliteFolderPrefix = "keel-tests-";

    private readonly string run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly ConcurrentDictionary<(DatabaseProvider Provider, string Name), Lazy<Task<IDatabaseTemplate>>> templates = new();
    private readonly Lazy<string> sqliteFolder;

    public DatabaseFixture()
    {
        sqliteFolder = new(() =>
        {
            RemoveAbandonedSqliteFolders();
            return Directory.CreateDirectory(Path.Combine(TestEnvironment.TempRoot, SqliteFolderPrefix + run)).FullName;
        });
    }

    /// <summary>A fresh, migrated, empty database for one test; dispose it at the end of the test.</summary>
    public Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken ct = default) =>
        CreateAsync(provider, Empty, prepare: null, ct);

    /// <summary>
    /// A clone of the named template, which is migrated and then prepared once per provider and run (seed shared data
    /// there, e.g. a tiny demo organization, rather than in every test). The first call for a name decides its preparation.
    /// </summary>
    public async Task<TestDatabase> CreateAsync(DatabaseProvider provider, string template, PrepareTemplate? prepare, CancellationToken ct = default)
    {
        DatabaseTemplate.CheckName(template);
        if (provider == DatabaseProvider.Postgres)
        {
            TestEnvironment.RequirePostgresConnectionString(); // skips or fails before any template is made
        }
        var lazy = templates.GetOrAdd((provider, template), key => new(() => CreateTemplateAsync(key.Provider, key.Name, prepare)));
        var created = await lazy.Value.WaitAsync(ct);
        return await created.CloneAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in templates.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
            {
                await lazy.Value.Result.DisposeAsync();
            }
        }
        if (sqliteFolder.IsValueCreated)
        {
            SqliteConnection.ClearAllPools();
            TryDelete(sqliteFolder.Value);
        }
        NpgsqlConnection.ClearAllPools();
    }

    private async Task<IDatabaseTemplate> CreateTemplateAsync(DatabaseProvider provider, string name, PrepareTemplate? prepare) => provider switch
    {
        DatabaseProvider.Sqlite => await SqliteTemplate.CreateAsync(sqliteFolder.Value, name, prepare),
        DatabaseProvider.Postgres => await PostgresTemplate.CreateAsync(TestEnvironment.RequirePostgresConnectionString(), run, name, prepare),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <summary>Folders left by runs that were killed; only old ones, so that concurrent runs are untouched.</summary>
    private static void RemoveAbandonedSqliteFolders()
    {
        try
        {
            foreach (var old in Directory.EnumerateDirectories(TestEnvironment.TempRoot, SqliteFolderPrefix + "*"))
            {
                if (Directory.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddDays(-1))
                {
                    TryDelete(old);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort only.
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still open elsewhere; a later run removes the folder once it is old.
        }
    }
}
