using System.Data.Common;
using Keel.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Keel.Domain.Work;
using Npgsql;

namespace Keel.Application.Demo;

/// <summary>
/// Inserts many new rows of one entity without the change tracker: PostgreSQL's binary COPY, or one prepared SQLite
/// INSERT run per row, both inside the seed's transaction. Columns, names and value conversions (enums as text, UTC
/// instants, GUIDs) come from the EF model, so the rows read back exactly as if EF had saved them; store-generated
/// keys (the history's running id) are left to the database.
/// </summary>
internal static class DemoBulkInsert
{
    private sealed record Column(string Name, RelationalTypeMapping Mapping, Func<object, object?> Read);

    public static async Task<int> InsertAsync<T>(KeelDb db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} has no table.");
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            .Select(p =>
            {
                var mapping = p.GetRelationalTypeMapping();
                var getter = p.GetGetter();
                var converter = mapping.Converter;
                return new Column(p.GetColumnName(store) ?? p.Name, mapping, converter is null
                    ? getter.GetClrValueUsingContainingEntity
                    : e => converter.ConvertToProvider(getter.GetClrValueUsingContainingEntity(e)));
            })
            .ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        return db.IsPostgres
            ? await CopyAsync(db, table, names, columns, rows, ct)
            : await InsertSqliteAsync(db, table, names, columns, rows, ct);
    }

    /// <summary>
    /// SQLite's page cache is 2 MB by default: the random keys of the work tables' indexes would evict pages on every
    /// row and spill them to disk. A larger cache while seeding keeps the indexes in memory; disposing restores it.
    /// </summary>
    public static async Task<IAsyncDisposable> LargeCacheAsync(KeelDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return new Restore(() => Task.CompletedTask);
        }
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
        var before = Convert.ToInt64(await RunAsync(connection, transaction, "PRAGMA cache_size", ct), System.Globalization.CultureInfo.InvariantCulture);
        await RunAsync(connection, transaction, "PRAGMA cache_size = -262144", ct);
        return new Restore(() => RunAsync(connection, transaction, $"PRAGMA cache_size = {before}", CancellationToken.None));
    }

    private static async Task<object?> RunAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }

    /// <summary>
    /// Inserts work items on SQLite with the full-text index filled in one statement afterwards: the FTS5 trigger
    /// costs about 250 µs per row (14 s for the demo history), one INSERT … SELECT about 5 µs. The trigger is dropped
    /// and recreated from its own stored SQL inside the seed's transaction, so the schema ends exactly as it began.
    /// The seed only runs on an empty database, so every work item in it is one of these.
    /// </summary>
    public static async Task<int> InsertWorkItemsAsync(KeelDb db, IEnumerable<WorkItem> items, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await InsertAsync(db, items, ct);
        }
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction;
        if (await RunAsync(connection, transaction, """SELECT "sql" FROM "sqlite_master" WHERE "type" = 'trigger' AND "name" = 'WorkItems_Fts_Insert'""", ct) is not string trigger)
        {
            return await InsertAsync(db, items, ct);
        }
        await RunAsync(connection, transaction, """DROP TRIGGER "WorkItems_Fts_Insert" """, ct);
        var count = await InsertAsync(db, items, ct);
        await RunAsync(connection, transaction, """INSERT INTO "WorkItemsFts" ("WorkItemId", "Title", "Description") SELECT "Id", "Title", "Description" FROM "WorkItems" """, ct);
        await RunAsync(connection, transaction, trigger, ct);
        return count;
    }

    private sealed class Restore(Func<Task> restore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await restore();
    }

    private static async Task<int> CopyAsync<T>(KeelDb db, string table, string names, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var types = columns.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        var count = 0;
        await using var writer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Read(row) is { } value)
                {
                    await writer.WriteAsync(value, types[i], ct);
                }
                else
                {
                    await writer.WriteNullAsync(ct);
                }
            }
            count++;
        }
        await writer.CompleteAsync(ct);
        return count;
    }

    private static async Task<int> InsertSqliteAsync<T>(KeelDb db, string table, string names, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("Bulk inserts run inside the seed's transaction.");
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            // EF's own parameter set-up (SQLite type and DB type of each mapping), so values bind as EF binds them.
            parameters[i] = columns[i].Mapping.CreateParameter(command, $"$p{i}", null, nullable: true);
            command.Parameters.Add(parameters[i]);
        }
        await command.PrepareAsync(ct);
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].Read(row) ?? DBNull.Value;
            }
            // Microsoft.Data.Sqlite runs async calls synchronously anyway; the sync call skips a task per row.
#pragma warning disable CA1849
            command.ExecuteNonQuery();
#pragma warning restore CA1849
            count++;
        }
        return count;
    }
}
