using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Keel.Bench;

/// <summary>
/// CSV import of the CMDB at the scale of the impact analysis: 50,000 CIs and 200,000 relationships generated from a
/// fixed seed, imported through <see cref="CiImportService"/> into a fresh SQLite database (the tiny demo organization,
/// for its owners and services), in files of <see cref="CiImportService.MaxRows"/> rows, the most one import takes.
/// The baseline, measured in the same run on a second fresh database, writes the same rows (CIs, their service links,
/// relationships, and one audit line each, as the importer's audit trail does) with plain prepared INSERTs in one
/// transaction per file: the least any importer must do on this disk, without parsing, look-ups or validation.
/// </summary>
internal static class ImportBench
{
    private const string Password = "Bench-Password-2026";

    public static async Task<int> RunAsync(string[] args)
    {
        var ciCount = ImpactBench.IntOption(args, "--cis", 50_000);
        var relationshipCount = ImpactBench.IntOption(args, "--relationships", 200_000);
        var estate = Generate(ciCount, relationshipCount);
        Console.WriteLine($"CSV import: {ciCount:N0} CIs ({estate.CiCsv.Length / 1024.0 / 1024:F1} MB), {relationshipCount:N0} relationships " +
                          $"({estate.RelationshipCsv.Length / 1024.0 / 1024:F1} MB), files of at most {CiImportService.MaxRows:N0} rows");
        var folder = Directory.CreateTempSubdirectory("keel-import-bench-").FullName;
        try
        {
            var importer = await ImportAsync(Path.Combine(folder, "import.db"), estate);
            var baseline = await RawInsertAsync(Path.Combine(folder, "raw.db"), estate);
            Report("CIs", ciCount, importer.Cis, baseline.Cis);
            Report("relationships", relationshipCount, importer.Relationships, baseline.Relationships);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Report(string what, int rows, TimeSpan importer, TimeSpan baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-14} importer {importer.TotalSeconds:F1} s ({rows / importer.TotalSeconds:N0} rows/s) | " +
            $"raw INSERTs {baseline.TotalSeconds:F1} s ({rows / baseline.TotalSeconds:N0} rows/s) | importer/raw = {importer / baseline:F1}x"));

    private sealed record Estate(string CiCsv, string RelationshipCsv, List<CiRow> Cis, List<(int From, int To, RelationshipType Type)> Relationships);

    private sealed record CiRow(string Name, string Type, string Status, string? Owner, string? Service, string Ip, string Version);

    /// <summary>CIs of the usual kinds with an IP and a version, every 20th owned by "owner", every 10th delivering a tiny-demo service.</summary>
    private static Estate Generate(int ciCount, int relationshipCount)
    {
        var rng = new Random(42);
        string[] types = [CiTypes.Application, CiTypes.Server, CiTypes.VirtualMachine, CiTypes.Database, CiTypes.NetworkDevice, CiTypes.CloudResource];
        string[] statuses = ["Active", "Active", "Active", "Planned", "Maintenance"];
        string[] services = ["Workplace Services", "Remote Access", "Customer Self-Service Portal"];
        var cis = new List<CiRow>(ciCount);
        var ciCsv = new StringBuilder("name,type,status,owner,services,attr.ip,attr.version\n");
        for (var i = 0; i < ciCount; i++)
        {
            var row = new CiRow($"bench-ci-{i:D6}", types[rng.Next(types.Length)], statuses[rng.Next(statuses.Length)],
                i % 20 == 0 ? "owner" : null, i % 10 == 0 ? services[rng.Next(services.Length)] : null,
                $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}", $"{rng.Next(1, 20)}.{rng.Next(10)}");
            cis.Add(row);
            ciCsv.Append(CultureInfo.InvariantCulture, $"{row.Name},{row.Type},{row.Status},{row.Owner},{row.Service},{row.Ip},{row.Version}\n");
        }
        var relationshipTypes = Enum.GetValues<RelationshipType>();
        var seen = new HashSet<(int, int, RelationshipType)>();
        var relationships = new List<(int, int, RelationshipType)>(relationshipCount);
        var relationshipCsv = new StringBuilder("from,type,to\n");
        while (relationships.Count < relationshipCount)
        {
            var (from, to, type) = (rng.Next(ciCount), rng.Next(ciCount), relationshipTypes[rng.Next(relationshipTypes.Length)]);
            if (from != to && seen.Add((from, to, type)))
            {
                relationships.Add((from, to, type));
                relationshipCsv.Append(CultureInfo.InvariantCulture, $"{cis[from].Name},{type},{cis[to].Name}\n");
            }
        }
        return new Estate(ciCsv.ToString(), relationshipCsv.ToString(), cis, relationships);
    }

    /// <summary>The file cut into files of at most MaxRows rows, each with the header, as a person splits a large export.</summary>
    private static List<string> Split(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Skip(1).Chunk(CiImportService.MaxRows).Select(chunk => lines[0] + "\n" + string.Join('\n', chunk) + "\n").ToList();
    }

    private static async Task<(TimeSpan Cis, TimeSpan Relationships)> ImportAsync(string file, Estate estate)
    {
        var connection = await SeededDatabaseAsync(file);
        var cache = new ImpactGraphCache();
        async Task<TimeSpan> RunAsync(string csv, int expected, Func<CiImportService, string, Task<Result<ImportReport>>> import)
        {
            var watch = Stopwatch.StartNew();
            var created = 0;
            var files = Split(csv);
            var times = new List<string>();
            foreach (var part in files)
            {
                // One context per file, as one request of the API or one operation of the page.
                var file = Stopwatch.StartNew();
                await using var db = NewDb(connection);
                var report = await import(new CiImportService(db, SystemUser.Instance, cache), part);
                if (!report.IsSuccess || report.Value!.Rejected.Count > 0)
                {
                    throw new InvalidOperationException($"import failed: {report.Error?.Message ?? report.Value!.Rejected[0].Reason}");
                }
                created += report.Value.Created;
                times.Add(file.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
            }
            watch.Stop();
            // Each file's time shows whether an import slows down as the CMDB it imports into grows.
            Console.WriteLine($"  importer, seconds per file of {CiImportService.MaxRows:N0} rows: {string.Join(", ", times)}");
            if (created != expected)
            {
                throw new InvalidOperationException($"created {created} rows, expected {expected}");
            }
            return watch.Elapsed;
        }
        var cis = await RunAsync(estate.CiCsv, estate.Cis.Count, (s, csv) => s.ImportCisAsync(csv, default));
        var relationships = await RunAsync(estate.RelationshipCsv, estate.Relationships.Count, (s, csv) => s.ImportRelationshipsAsync(csv, default));
        return (cis, relationships);
    }

    private static async Task<(TimeSpan Cis, TimeSpan Relationships)> RawInsertAsync(string file, Estate estate)
    {
        var connection = await SeededDatabaseAsync(file);
        await using var db = NewDb(connection);
        var owner = await db.Users.Where(u => u.UserName == "owner").Select(u => u.Id).SingleAsync();
        var services = await db.Set<Service>().ToDictionaryAsync(s => s.Name, s => s.Id);
        await using var sql = new SqliteConnection(connection);
        await sql.OpenAsync();
        var ids = estate.Cis.Select(_ => Guid.NewGuid()).ToArray();
        var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        var watch = Stopwatch.StartNew();
        foreach (var chunk in Enumerable.Range(0, estate.Cis.Count).Chunk(CiImportService.MaxRows))
        {
            await using var tx = (SqliteTransaction)await sql.BeginTransactionAsync();
            var ci = Command(sql, tx, "INSERT INTO ConfigurationItems (Id, Name, Type, AttributesJson, OwnerId, Status, Version) VALUES ($1, $2, $3, $4, $5, $6, 0)");
            var link = Command(sql, tx, "INSERT INTO CiServiceLinks (CiId, ServiceId) VALUES ($1, $2)");
            var audit = AuditCommand(sql, tx);
            foreach (var i in chunk)
            {
                var row = estate.Cis[i];
                var attributes = JsonSerializer.Serialize(new Dictionary<string, string> { ["ip"] = row.Ip, ["version"] = row.Version });
                Guid? ownerId = row.Owner is null ? null : owner;
                await RunAsync(ci, Text(ids[i]), row.Name, row.Type, attributes, ownerId is { } o ? Text(o) : DBNull.Value, row.Status);
                if (row.Service is { } service)
                {
                    await RunAsync(link, Text(ids[i]), Text(services[service]));
                }
                var changes = JsonSerializer.Serialize(new { Attributes = new { Before = (string?)null, After = attributes }, Name = new { Before = (string?)null, After = row.Name },
                    OwnerId = new { Before = (string?)null, After = ownerId }, Status = new { Before = (string?)null, After = row.Status }, Type = new { Before = (string?)null, After = row.Type } });
                await RunAsync(audit, now, nameof(ConfigurationItem), ids[i].ToString(), "Created", changes);
            }
            await tx.CommitAsync();
        }
        var cis = watch.Elapsed;

        watch.Restart();
        foreach (var chunk in estate.Relationships.Chunk(CiImportService.MaxRows))
        {
            await using var tx = (SqliteTransaction)await sql.BeginTransactionAsync();
            var relationship = Command(sql, tx, "INSERT INTO CiRelationships (Id, FromId, ToId, Type) VALUES ($1, $2, $3, $4)");
            var audit = AuditCommand(sql, tx);
            foreach (var (from, to, type) in chunk)
            {
                var id = Guid.NewGuid();
                await RunAsync(relationship, Text(id), Text(ids[from]), Text(ids[to]), type.ToString());
                var changes = JsonSerializer.Serialize(new { FromId = new { Before = (string?)null, After = ids[from] }, ToId = new { Before = (string?)null, After = ids[to] },
                    Type = new { Before = (string?)null, After = type.ToString() } });
                await RunAsync(audit, now, nameof(CiRelationship), id.ToString(), "Created", changes);
            }
            await tx.CommitAsync();
        }
        return (cis, watch.Elapsed);
    }

    /// <summary>A migrated SQLite file with the tiny demo organization; returns its connection string.</summary>
    private static async Task<string> SeededDatabaseAsync(string file)
    {
        var connection = $"Data Source={file}";
        await using var db = NewDb(connection);
        await KeelDbSetup.MigrateAsync(db);
        await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, Password, TimeProvider.System);
        return connection;
    }

    /// <summary>A context as the app makes one: SQLite with the audit interceptor, acting as the system.</summary>
    private static KeelDb NewDb(string connection)
    {
        var options = new DbContextOptionsBuilder<KeelDb>();
        KeelDbSetup.Configure(options, DatabaseProvider.Sqlite, connection);
        options.AddInterceptors(new AuditInterceptor(SystemUser.Instance, TimeProvider.System));
        return new KeelDb(options.Options);
    }

    private static SqliteCommand AuditCommand(SqliteConnection sql, SqliteTransaction tx) => Command(sql, tx,
        "INSERT INTO AuditEntries (At, UserId, UserName, EntityType, EntityId, Action, Changes) VALUES ($1, NULL, 'system', $2, $3, $4, $5)");

    private static SqliteCommand Command(SqliteConnection sql, SqliteTransaction tx, string text)
    {
        var command = sql.CreateCommand();
        command.Transaction = tx;
        command.CommandText = text;
        return command;
    }

    /// <summary>Binds the values to $1, $2… and runs the (re-used, so prepared once) command.</summary>
    private static async Task RunAsync(SqliteCommand command, params object[] values)
    {
        if (command.Parameters.Count == 0)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter($"${i + 1}", values[i]));
            }
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A GUID as EF Core stores it on SQLite: upper-case text.</summary>
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();
}
