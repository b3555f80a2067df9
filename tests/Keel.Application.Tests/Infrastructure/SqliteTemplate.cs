using Keel.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Infrastructure;

/// <summary>A migrated SQLite file in the run's temp folder; each clone is a copy of it.</summary>
internal sealed class SqliteTemplate : IDatabaseTemplate
{
    private readonly string folder;
    private readonly string name;
    private readonly string templateFile;
    private int counter;

    private SqliteTemplate(string folder, string name)
    {
        this.folder = folder;
        this.name = name;
        templateFile = Path.Combine(folder, $"template-{name}.db");
    }

    public static async Task<SqliteTemplate> CreateAsync(string folder, string name, PrepareTemplate? prepare)
    {
        var template = new SqliteTemplate(folder, name);
        // No pooling: the last connection to close checkpoints the write-ahead log into the file, so a copy is complete.
        var connectionString = Sqlite(template.templateFile, pooling: false);
        await DatabaseTemplate.MigrateAndPrepareAsync(DatabaseProvider.Sqlite, connectionString, prepare);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        var wal = new FileInfo(template.templateFile + "-wal");
        if (wal.Exists && wal.Length > 0)
        {
            throw new InvalidOperationException($"The SQLite template {template.templateFile} still has a write-ahead log (a connection left open?); a copy would be incomplete.");
        }
        return template;
    }

    public Task<TestDatabase> CloneAsync(CancellationToken ct)
    {
        var file = Path.Combine(folder, $"test-{name}-{Interlocked.Increment(ref counter)}.db");
        File.Copy(templateFile, file);
        var connectionString = Sqlite(file, pooling: true);
        return Task.FromResult(new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
        {
            using (var connection = new SqliteConnection(connectionString))
            {
                SqliteConnection.ClearPool(connection);
            }
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
            return ValueTask.CompletedTask;
        }));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the fixture removes the whole folder

    private static string Sqlite(string file, bool pooling) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = pooling }.ToString();
}
