namespace Keel.Application.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Bound from <c>Keel:Database</c>; the connection string comes from <c>ConnectionStrings:Keel</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqlite = "Data Source=data/keel.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (on by default; turn off when a deploy step runs <c>keel migrate</c>).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
