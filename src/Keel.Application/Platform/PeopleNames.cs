using Keel.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Platform;

/// <summary>Display names for the people a page of records points at, in one query that reads only those two columns.</summary>
public static class PeopleNames
{
    public static async Task<Dictionary<Guid, string>> DisplayNamesAsync(this KeelDb db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Where(id => id != Guid.Empty).Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Users.Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }
}
