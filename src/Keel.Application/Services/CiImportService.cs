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
/// CSV import of the CMDB. CIs: header <c>name,type</c> and optionally <c>status</c>, <c>owner</c> (a user name),
/// <c>services</c> (service names separated by <c>;</c>) and <c>attr.&lt;key&gt;</c> columns; a row whose name matches
/// one existing CI updates it. Relationships: header <c>from,type,to</c> with CI names. Good rows are saved together;
/// bad rows are reported with their line and left out.
/// </summary>
public sealed class CiImportService(KeelDb db, ICurrentUser user, ImpactGraphCache impact)
{
    public const int MaxRows = 20_000;

    public async Task<Result<ImportReport>> ImportCisAsync(string csv, CancellationToken ct)
    {
        if (!ServiceAccess.CanEditCmdb(user))
        {
            return Error.Forbidden("Only service owners and admins import configuration items.");
        }
        var rows = Csv.Read(csv).ToList();
        if (Header(rows, ["name", "type"]) is not { } header)
        {
            return Error.Validation("csv", "must start with a header row naming at least the columns name and type.");
        }
        if (rows.Count - 1 > MaxRows)
        {
            return Error.Validation("csv", $"must have at most {MaxRows} rows per import.");
        }
        var existing = (await db.Set<ConfigurationItem>().ToListAsync(ct)).ToLookup(c => c.Name, StringComparer.OrdinalIgnoreCase);
        var services = (await db.Set<Service>().Select(s => new { s.Id, s.Name }).ToListAsync(ct)).ToDictionary(s => s.Name, s => s.Id, StringComparer.OrdinalIgnoreCase);
        var people = (await db.Users.Select(u => new { u.Id, u.UserName }).ToListAsync(ct)).ToDictionary(u => u.UserName!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        var links = (await db.Set<CiServiceLinkRow>().ToListAsync(ct)).ToLookup(l => l.CiId);
        var rejected = new List<ImportRejection>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int created = 0, updated = 0;
        foreach (var (line, fields) in rows.Skip(1))
        {
            string Get(string column) => header.TryGetValue(column, out var i) && i < fields.Count ? fields[i].Trim() : "";
            var name = Get("name");
            if (!seen.Add(name))
            {
                rejected.Add(new ImportRejection(line, $"'{name}' appears more than once in this file."));
                continue;
            }
            var matches = existing[name].ToList();
            if (matches.Count > 1)
            {
                rejected.Add(new ImportRejection(line, $"{matches.Count} configuration items are named '{name}'; rename them first."));
                continue;
            }
            var ci = matches.FirstOrDefault() ?? new ConfigurationItem { Name = name, Type = "" };
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
            foreach (var (column, index) in header.Where(h => h.Key.StartsWith("attr.", StringComparison.OrdinalIgnoreCase)))
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
                    await db.Entry(ci).ReloadAsync(ct);
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
        if (Header(rows, ["from", "type", "to"]) is not { } header)
        {
            return Error.Validation("csv", "must start with the header row from,type,to.");
        }
        if (rows.Count - 1 > MaxRows)
        {
            return Error.Validation("csv", $"must have at most {MaxRows} rows per import.");
        }
        var byName = (await db.Set<ConfigurationItem>().Select(c => new { c.Id, c.Name }).ToListAsync(ct)).ToLookup(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase);
        var stored = (await db.Set<CiRelationship>().Select(r => new { r.FromId, r.ToId, r.Type }).ToListAsync(ct))
            .Select(r => (r.FromId, r.ToId, r.Type)).ToHashSet();
        var rejected = new List<ImportRejection>();
        var created = 0;
        foreach (var (line, fields) in rows.Skip(1))
        {
            string Get(string column) => header[column] < fields.Count ? fields[header[column]].Trim() : "";
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
            if (stored.Add((from, to, type)))
            {
                db.Add(relationship);
                created++;
            }
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
