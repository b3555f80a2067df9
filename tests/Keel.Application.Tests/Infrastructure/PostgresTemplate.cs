using System.Collections.Concurrent;
using Keel.Application.Data;
using Npgsql;

namespace Keel.Application.Tests.Infrastructure;

/// <summary>
/// A database <c>keel_tpl_&lt;run&gt;_&lt;name&gt;</c> on the server of <c>KEEL_TEST_POSTGRES</c>, migrated once;
/// each clone is <c>CREATE DATABASE … TEMPLATE</c> of it and is dropped after its test.
/// </summary>
internal sealed class PostgresTemplate : IDatabaseTemplate
{
    private readonly string server;
    private readonly string database;
    private readonly string clonePrefix;
    private readonly ConcurrentDictionary<string, byte> clones = new(StringComparer.Ordinal);
    private int counter;

    private PostgresTemplate(string server, string run, string name)
    {
        this.server = server;
        database = $"keel_tpl_{run}_{name}";
        clonePrefix = $"keel_t_{run}_{name}_";
    }

    public static async Task<PostgresTemplate> CreateAsync(string serverConnectionString, string run, string name, PrepareTemplate? prepare)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = true }.ConnectionString;
        var template = new PostgresTemplate(server, run, name);
        await template.ExecuteAsync($"CREATE DATABASE \"{template.database}\"", CancellationToken.None);
        try
        {
            // No pooling: CREATE DATABASE … TEMPLATE refuses while any session is connected to the template.
            await DatabaseTemplate.MigrateAndPrepareAsync(DatabaseProvider.Postgres, template.Database(template.database, pooling: false), prepare);
            await template.ExecuteAsync(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{template.database}'", CancellationToken.None);
        }
        catch
        {
            await template.DisposeAsync();
            throw;
        }
        return template;
    }

    public async Task<TestDatabase> CloneAsync(CancellationToken ct)
    {
        var clone = clonePrefix + Interlocked.Increment(ref counter);
        clones[clone] = 0;
        await ExecuteAsync($"CREATE DATABASE \"{clone}\" TEMPLATE \"{database}\"", ct);
        var connectionString = Database(clone, pooling: true);
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, async () =>
        {
            await DropAsync(clone, connectionString);
            clones.TryRemove(clone, out _);
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var clone in clones.Keys)
        {
            await DropAsync(clone, Database(clone, pooling: true));
        }
        await DropAsync(database, Database(database, pooling: false));
    }

    private async Task DropAsync(string name, string connectionString)
    {
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private string Database(string name, bool pooling) =>
        new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = pooling }.ConnectionString;

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
