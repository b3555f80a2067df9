using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Services;

public sealed record ImportRejection(int Line, string Reason);

/// <summary>What an import did: rows created and updated, and each refused row with its line and reason.</summary>
public sealed record ImportReport(int Created, int Updated, IReadOnlyList<ImportRejection> Rejected);

/// <summary>
/// A column of an import file as the importer reads it: its header name, whether a file must have it, what it holds,
/// and an example value. <paramref name="ExampleHeader"/> stands in for a name pattern such as <c>attr.&lt;key&gt;</c>.
/// </summary>
public sealed record ImportColumn(string Name, bool Required, string Meaning, string Example, string? ExampleHeader = null);

/// <summary>
/// CSV import of the CMDB. CIs: header <c>name,type</c> and optionally <c>status</c>, <c>owner</c> (a user name),
/// <c>services</c> (service names separated by <c>;</c>) and <c>attr.&lt;key&gt;</c> columns; a row whose name matches
/// one existing CI updates it. Relationships: header <c>from,type,to</c> with CI names. Good rows are saved together;
/// bad rows are reported with their line and left out.
/// </summary>
public sealed class CiImportService(KeelDb db, ICurrentUser user, ImpactGraphCache impact)
{
    public const int MaxRows = 20_000;

    /// <summary>Ids per look-up query: well below SQLite's and PostgreSQL's limits on parameters.</summary>
    private const int LookupChunk = 1_000;

    /// <summary>The columns of a CI file; the header names them in any order, and other columns are ignored.</summary>
    public static readonly IReadOnlyList<ImportColumn> CiColumns =
    [
        new("name", true, "The CI's name. A row whose name matches one existing CI (ignoring case) updates it.", "app-crm-01"),
        new("type", true, $"{string.Join(", ", CiTypes.WellKnown)}, or an own type name of letters and digits.", CiTypes.Application),
        new("status", false, $"One of {string.Join(", ", Enum.GetNames<CiStatus>())}; an empty cell keeps the stored status (new CIs: Active).", nameof(CiStatus.Active)),
        new("owner", false, "The user name of the person who owns the CI.", "owner"),
        new("services", false, "Names of the services the CI delivers, separated by ';'. With this column the links are replaced by the file's.", "Workplace Services"),
        new("attr.<key>", false, "One column per attribute, such as attr.ip or attr.version; empty cells keep the stored value.", "10.0.0.5", "attr.ip"),
    ];

    /// <summary>The columns of a relationship file: two CI names and how the first depends on the second.</summary>
    public static readonly IReadOnlyList<ImportColumn> RelationshipColumns =
    [
        new("from", true, "The name of the CI that depends on the other one.", "app-crm-01"),
        new("type", true, $"One of {string.Join(", ", Enum.GetNames<RelationshipType>())}.", nameof(RelationshipType.DependsOn)),
        new("to", true, "The name of the CI it depends on.", "db-crm-01"),
    ];

    /// <summary>A header row and one example row for <paramref name="columns"/>, quoted where a value needs it.</summary>
    public static string ExampleCsv(IReadOnlyList<ImportColumn> columns) =>
        string.Join(',', columns.Select(c => Quote(c.ExampleHeader ?? c.Name))) + "\n" + string.Join(',', columns.Select(c => Quote(c.Example))) + "\n";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string[] RequiredOf(IReadOnlyList<ImportColumn> columns) => columns.Where(c => c.Required).Select(c => c.Name).ToArray();

    public async Task<Result<ImportReport>> ImportCisAsync(string csv, CancellationToken ct)
    {
        if (!ServiceAccess.CanEditCmdb(user))
        {
            return Error.Forbidden("Only service owners and admins import configuration items.");
        }
        var rows = Csv.Read(csv).ToList();
        if (Header(rows, RequiredOf(CiColumns)) is not { } header)
        {
            return Error.Validation("csv", "must start with a header row naming at least the columns name and type.");
        }
        if (rows.Count - 1 > MaxRows)
        {
            return Error.Validation("csv", $"must have at most {MaxRows} rows per import.");
        }
        // Names of every CI (a projection, untracked), then the full entities and links only of the CIs this file updates:
        // tracking the whole CMDB made each import slower the larger the CMDB grew.
        var byName = (await db.Set<ConfigurationItem>().AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .ToLookup(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var updating = rows.Skip(1).Select(r => Cell(header, r.Fields, "name")).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => byName[n].ToList()).Where(ids => ids.Count == 1).Select(ids => ids[0]).ToList();
        var existing = new Dictionary<Guid, ConfigurationItem>();
        var stored = new List<CiServiceLinkRow>();
        foreach (var ids in updating.Chunk(LookupChunk))
        {
            foreach (var ci in await db.Set<ConfigurationItem>().Where(c => ids.Contains(c.Id)).ToListAsync(ct))
            {
                existing[ci.Id] = ci;
            }
            stored.AddRange(await db.Set<CiServiceLinkRow>().Where(l => ids.Contains(l.CiId)).ToListAsync(ct));
        }
        var links = stored.ToLookup(l => l.CiId);
        var services = (await db.Set<Service>().Select(s => new { s.Id, s.Name }).ToListAsync(ct)).ToDictionary(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase);
        var people = (await db.Users.Select(u => new { u.Id, u.UserName }).ToListAsync(ct)).ToDictionary(u => u.UserName!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        var attributeColumns = header.Where(h => h.Key.StartsWith("attr.", StringComparison.OrdinalIgnoreCase)).ToList();
        var rejected = new List<ImportRejection>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int created = 0, updated = 0;
        foreach (var (line, fields) in rows.Skip(1))
        {
            string Get(string column) => Cell(header, fields, column);
            var name = Get("name");
            if (!seen.Add(name))
            {
                rejected.Add(new ImportRejection(line, $"'{name}' appears more than once in this file."));
                continue;
            }
            var matches = byName[name].ToList();
            if (matches.Count > 1)
            {
                rejected.Add(new ImportRejection(line, $"{matches.Count} configuration items are named '{name}'; rename them first."));
                continue;
            }
            var ci = matches.Count == 1 ? existing[matches[0]] : new ConfigurationItem { Name = name, Type = "" };
            var reasons = new List<string>();
            ci.Type = Get("type");
            if (Get("status") is { Length: > 0 } status)
            {
                ci.Status = Enum.TryParse<CiStatus>(status, true, out var parsed) && Enum.IsDefined(parsed) ? parsed : (CiStatus)(-1);
            }
            if (Get("owner") is { Length: > 0 } owner)
            {
                if (people.TryGetValue(owner, out var ownerId))
                {
                    ci.OwnerId = ownerId;
                }
                else
                {
                    reasons.Add($"owner '{owner}' is not a known user name");
                }
            }
            var serviceIds = new List<Guid>();
            foreach (var serviceName in Get("services").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (services.TryGetValue(serviceName, out var serviceId))
                {
                    serviceIds.Add(serviceId);
                }
                else
                {
                    reasons.Add($"service '{serviceName}' does not exist");
                }
            }
            foreach (var (column, index) in attributeColumns)
            {
                if (index < fields.Count && fields[index].Trim() is { Length: > 0 } value)
                {
                    ci.Attributes[column[5..]] = value;
                }
            }
            ci.ServiceIds = header.ContainsKey("services") ? serviceIds : links[ci.Id].Select(l => l.ServiceId).ToList();
            var errors = new FieldErrors();
            ci.Validate(errors);
            if (errors.Any || reasons.Count > 0)
            {
                var fieldReasons = errors.ToError().Fields?.Select(f => $"{f.Key} {string.Join(" ", f.Value)}") ?? [];
                rejected.Add(new ImportRejection(line, string.Join("; ", reasons.Concat(errors.Any ? fieldReasons : []))));
                if (matches.Count == 1)
                {
                    // Forget the half-applied row; nothing of it is saved.
                    db.Entry(ci).State = EntityState.Detached;
                }
                continue;
            }
            if (matches.Count == 0)
            {
                db.Add(ci);
                created++;
            }
            else
            {
                db.Entry(ci).State = EntityState.Modified;
                db.RemoveRange(links[ci.Id].Where(l => !ci.ServiceIds.Contains(l.ServiceId)));
                updated++;
            }
            db.AddRange(ci.ServiceIds.Where(s => links[ci.Id].All(l => l.ServiceId != s)).Select(s => new CiServiceLinkRow { CiId = ci.Id, ServiceId = s }));
        }
        await db.SaveChangesAsync(ct);
        impact.Invalidate();
        return new ImportReport(created, updated, rejected);
    }

    public async Task<Result<ImportReport>> ImportRelationshipsAsync(string csv, CancellationToken ct)
    {
        if (!ServiceAccess.CanEditCmdb(user))
        {
            return Error.Forbidden("Only service owners and admins import relationships.");
        }
        var rows = Csv.Read(csv).ToList();
        if (Header(rows, RequiredOf(RelationshipColumns)) is not { } header)
        {
            return Error.Validation("csv", "must start with the header row from,type,to.");
        }
        if (rows.Count - 1 > MaxRows)
        {
            return Error.Validation("csv", $"must have at most {MaxRows} rows per import.");
        }
        var byName = (await db.Set<ConfigurationItem>().AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .ToLookup(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var rejected = new List<ImportRejection>();
        var good = new List<CiRelationship>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            string Get(string column) => Cell(header, fields, column);
            var reasons = new List<string>();
            var from = Resolve(Get("from"), "from", reasons);
            var to = Resolve(Get("to"), "to", reasons);
            if (!Enum.TryParse<RelationshipType>(Get("type"), true, out var type) || !Enum.IsDefined(type))
            {
                reasons.Add($"type must be one of {string.Join(", ", Enum.GetNames<RelationshipType>())}");
            }
            var relationship = new CiRelationship { FromId = from, ToId = to, Type = type };
            var errors = new FieldErrors();
            if (reasons.Count == 0)
            {
                relationship.Validate(errors);
            }
            if (reasons.Count > 0 || errors.Any)
            {
                rejected.Add(new ImportRejection(line, string.Join("; ", reasons.Concat(errors.Any ? ["from and to must be two different configuration items"] : []))));
                continue;
            }
            good.Add(relationship);
        }
        // Only the stored relationships of the CIs this file starts from: those are the ones it could repeat.
        var stored = new HashSet<(Guid, Guid, RelationshipType)>();
        foreach (var ids in good.Select(r => r.FromId).Distinct().Chunk(LookupChunk))
        {
            var some = await db.Set<CiRelationship>().AsNoTracking().Where(r => ids.Contains(r.FromId)).Select(r => new { r.FromId, r.ToId, r.Type }).ToListAsync(ct);
            stored.UnionWith(some.Select(r => (r.FromId, r.ToId, r.Type)));
        }
        var created = 0;
        foreach (var relationship in good.Where(r => stored.Add((r.FromId, r.ToId, r.Type))))
        {
            db.Add(relationship);
            created++;
        }
        await db.SaveChangesAsync(ct);
        impact.Invalidate();
        return new ImportReport(created, 0, rejected);

        Guid Resolve(string name, string column, List<string> reasons)
        {
            var ids = byName[name].ToList();
            if (ids.Count == 1)
            {
                return ids[0];
            }
            reasons.Add(ids.Count == 0 ? $"{column} '{name}' is not a known configuration item" : $"{column} '{name}' names {ids.Count} configuration items");
            return Guid.Empty;
        }
    }

    /// <summary>The trimmed cell of <paramref name="column"/>, or "" when the file has no such column or the row is short.</summary>
    private static string Cell(Dictionary<string, int> header, IReadOnlyList<string> fields, string column) =>
        header.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : "";

    /// <summary>The columns of the header row by lower-case name, or null when a required one is missing.</summary>
    private static Dictionary<string, int>? Header(List<(int Line, IReadOnlyList<string> Fields)> rows, string[] required)
    {
        if (rows.Count == 0)
        {
            return null;
        }
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows[0].Fields.Count; i++)
        {
            header.TryAdd(rows[0].Fields[i].Trim(), i);
        }
        return required.All(header.ContainsKey) ? header : null;
    }
}
