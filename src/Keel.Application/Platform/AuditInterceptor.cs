using System.Text.Json;
using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Keel.Application.Platform;

/// <summary>
/// Writes the audit trail and bumps row versions in the same transaction as the change itself,
/// so that no business change can be saved without its audit line.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, TimeProvider time) : SaveChangesInterceptor
{
    /// <summary>Secrets and bookkeeping never copied into the trail.</summary>
    private static readonly HashSet<string> Unaudited = new(StringComparer.Ordinal)
    {
        nameof(KeelUser.PasswordHash), nameof(KeelUser.SecurityStamp), nameof(KeelUser.ConcurrencyStamp),
        nameof(ApiToken.Hash), nameof(IVersioned.Version),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is not null)
        {
            Record(eventData.Context);
        }
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not null)
        {
            Record(eventData.Context);
        }
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext db)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var lines = new List<AuditEntry>();
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit trail is append-only.");
            }
            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                versioned.Version++;
            }
            if (entry.Entity is IAudited && entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                var changes = Changes(entry);
                if (changes.Count > 0 || entry.State != EntityState.Modified)
                {
                    lines.Add(new AuditEntry
                    {
                        At = now,
                        UserId = currentUser.UserId,
                        UserName = currentUser.UserName,
                        EntityType = entry.Metadata.ClrType.Name,
                        EntityId = KeyOf(entry),
                        Action = entry.State switch
                        {
                            EntityState.Added => AuditAction.Created,
                            EntityState.Deleted => AuditAction.Deleted,
                            _ => AuditAction.Updated,
                        },
                        Changes = JsonSerializer.Serialize(changes),
                    });
                }
            }
        }
        db.Set<AuditEntry>().AddRange(lines);
    }

    private static Dictionary<string, FieldChange> Changes(EntityEntry entry)
    {
        var changes = new Dictionary<string, FieldChange>(StringComparer.Ordinal);
        Collect(entry.State, entry.Properties, "", changes);
        // Value objects such as Money are complex properties: their parts are audited as "Monthly.Minor".
        foreach (var complex in entry.ComplexProperties)
        {
            Collect(entry.State, complex.Properties, complex.Metadata.Name + ".", changes);
        }
        return changes;
    }

    private static void Collect(EntityState state, IEnumerable<PropertyEntry> properties, string prefix, Dictionary<string, FieldChange> changes)
    {
        foreach (var property in properties)
        {
            var name = property.Metadata.Name;
            if (Unaudited.Contains(name) || property.Metadata.IsShadowProperty())
            {
                continue;
            }
            switch (state)
            {
                case EntityState.Added:
                    changes[prefix + name] = new FieldChange(null, Readable(property.CurrentValue));
                    break;
                case EntityState.Deleted:
                    changes[prefix + name] = new FieldChange(Readable(property.OriginalValue), null);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    changes[prefix + name] = new FieldChange(Readable(property.OriginalValue), Readable(property.CurrentValue));
                    break;
            }
        }
    }

    /// <summary>Enums are written by name, as the API shows them, not as their numbers.</summary>
    private static object? Readable(object? value) => value is Enum e ? e.ToString() : value;

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? ""
            : string.Join('/', key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private sealed record FieldChange(object? Before, object? After);
}
