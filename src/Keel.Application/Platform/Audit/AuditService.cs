using System.Globalization;
using System.Text.Json;
using Keel.Application.Data;
using Keel.Application.Platform.Paging;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform.Audit;

/// <param name="ChildTypes">Also include lines of these entity types whose id starts with "EntityId/" (e.g. a team's memberships).</param>
public sealed record AuditFilter(string? EntityType = null, string? EntityId = null, string? UserName = null, DateTime? From = null, DateTime? To = null, IReadOnlyList<string>? ChildTypes = null);

public sealed record AuditView(long Id, DateTime At, string UserName, string EntityType, string EntityId, string Action, IReadOnlyDictionary<string, FieldChangeView> Changes);

public sealed record FieldChangeView(JsonElement? Before, JsonElement? After);

/// <summary>Reads the append-only audit trail, newest first. There is deliberately no way to change it.</summary>
public sealed class AuditService(KeelDb db)
{
    public async Task<Result<Page<AuditView>>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken ct)
    {
        var errors = new FieldErrors();
        page.Validate(errors);
        long? before = null;
        if (page.Cursor is not null)
        {
            if (long.TryParse(page.Cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var cursorId))
            {
                before = cursorId;
            }
            else
            {
                errors.Add("cursor", "is not a valid cursor.");
            }
        }
        if (page.Sort is not null and not "-at")
        {
            errors.Add("sort", "the audit trail is always newest first (-at).");
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (filter.ChildTypes is { Count: > 0 } children && filter.EntityType is { } type && filter.EntityId is { } id)
        {
            var prefix = id + "/";
            query = query.Where(a => (a.EntityType == type && a.EntityId == id)
                || (children.Contains(a.EntityType) && a.EntityId.StartsWith(prefix)));
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(filter.EntityType))
            {
                query = query.Where(a => a.EntityType == filter.EntityType);
            }
            if (!string.IsNullOrWhiteSpace(filter.EntityId))
            {
                query = query.Where(a => a.EntityId == filter.EntityId);
            }
        }
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            query = query.Where(a => a.UserName == filter.UserName);
        }
        if (filter.From is { } from)
        {
            query = query.Where(a => a.At >= from);
        }
        if (filter.To is { } to)
        {
            query = query.Where(a => a.At < to);
        }
        if (before is { } b)
        {
            query = query.Where(a => a.Id < b);
        }
        var limit = page.EffectiveLimit;
        var rows = await query.OrderByDescending(a => a.Id).Take(limit + 1).ToListAsync(ct);
        var next = rows.Count > limit ? rows[limit - 1].Id.ToString(CultureInfo.InvariantCulture) : null;
        return new Page<AuditView>(rows.Take(limit).Select(View).ToList(), next);
    }

    /// <summary>Parts of a record that are stored as rows of their own and belong in its history.</summary>
    private static readonly Dictionary<string, string[]> Children = new(StringComparer.Ordinal)
    {
        [nameof(Team)] = [nameof(TeamMember)],
    };

    /// <summary>The history of one record, for its History tab, including the rows that belong to it.</summary>
    public Task<Result<Page<AuditView>>> HistoryAsync(string entityType, Guid id, PageRequest page, CancellationToken ct) =>
        ListAsync(new AuditFilter(entityType, id.ToString(), ChildTypes: Children.GetValueOrDefault(entityType)), page, ct);

    /// <summary>Field names are shown as the API names them (camelCase), whatever the entity calls them.</summary>
    private static AuditView View(AuditEntry a) =>
        new(a.Id, a.At, a.UserName, a.EntityType, a.EntityId, a.Action.ToString(),
            (JsonSerializer.Deserialize<Dictionary<string, FieldChangeView>>(a.Changes) ?? [])
                .ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.Key), c => c.Value, StringComparer.Ordinal));
}
