using System.Globalization;
using Keel.Application.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Keel.Domain.Work;
using Npgsql;
using SQLitePCL;

namespace Keel.Application.Data;

/// <summary>
/// Inserts many new rows of one entity without the change tracker: PostgreSQL's binary COPY, or one prepared SQLite
/// INSERT run per row, both inside the caller's transaction (the demo seed's, the value rollup's). Columns, names and value conversions (enums as text, UTC
/// instants, GUIDs) come from the EF model, so the rows read back exactly as if EF had saved them; store-generated
/// keys (the history's running id) are left to the database.
/// </summary>
internal static class BulkInsert
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
    /// The seed only runs on an empty database, so every work item in it is one of these, unless <paramref name="kind"/>
    /// says the items are all of one kind raised after the others (then only that kind is indexed).
    /// </summary>
    public static Task<int> InsertWorkItemsAsync(KeelDb db, IEnumerable<WorkItem> items, CancellationToken ct) => InsertWorkItemsAsync(db, items, null, ct);

    public static async Task<int> InsertWorkItemsAsync(KeelDb db, IEnumerable<WorkItem> items, WorkKind? kind, CancellationToken ct)
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
        var only = kind is { } k ? $" WHERE \"Kind\" = '{k}'" : "";
        await RunAsync(connection, transaction, $"""INSERT INTO "WorkItemsFts" ("WorkItemId", "Title", "Description") SELECT "Id", "Title", "Description" FROM "WorkItems"{only}""", ct);
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
        // The writer buffers and flushes by itself; an awaited call per value would cost a state machine each.
#pragma warning disable CA1849
        foreach (var row in rows)
        {
            writer.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Read(row) is { } value)
                {
                    writer.Write(value, types[i]);
                }
                else
                {
                    writer.WriteNull();
                }
            }
            count++;
        }
#pragma warning restore CA1849
        await writer.CompleteAsync(ct);
        return count;
    }

    /// <summary>
    /// One prepared statement, bound by position and stepped per row through SQLite's own API: Microsoft.Data.Sqlite
    /// looks every parameter up by name and wraps every run in a data reader, which cost twice the insert itself.
    /// Values are written as Microsoft.Data.Sqlite writes them for EF (GUIDs upper-case text, instants as
    /// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, dates as <c>yyyy-MM-dd</c>, booleans as 0/1).
    /// </summary>
    private static Task<int> InsertSqliteAsync<T>(KeelDb db, string table, string names, List<Column> columns, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        _ = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var sql = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            var count = 0;
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < columns.Count; i++)
                {
                    Check(handle, Bind(statement, i + 1, columns[i].Read(row)));
                }
                var stepped = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (stepped != raw.SQLITE_DONE)
                {
                    Check(handle, stepped);
                }
                count++;
            }
            return Task.FromResult(count);
        }
    }

    private static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        Guid id => raw.sqlite3_bind_text(statement, index, id.ToString().ToUpperInvariant()),
        DateTime instant => raw.sqlite3_bind_text(statement, index, instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        bool flag => raw.sqlite3_bind_int(statement, index, flag ? 1 : 0),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        double number => raw.sqlite3_bind_double(statement, index, number),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        _ => throw new NotSupportedException($"A bulk insert cannot write a {value.GetType().Name} to SQLite; add it here."),
    };

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
        }
    }
}
