using Keel.Application.Data;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Work;

/// <summary>
/// Gives out work numbers per kind from a counter row, in a statement of its own: two nodes never hand out the same
/// number, and no lock is held while the item itself is saved. A failed save leaves a gap, as in ServiceNow.
/// Other numbered records (initiatives, debt items) take a counter row of their own, named after them.
/// </summary>
public static class WorkNumbers
{
    /// <summary>Reserves <paramref name="count"/> numbers and returns the first sequence of the block.</summary>
    public static Task<long> ReserveAsync(KeelDb db, WorkKind kind, int count, CancellationToken ct) =>
        ReserveAsync(db, kind.ToString(), count, ct);

    /// <summary>Reserves <paramref name="count"/> numbers from the counter <paramref name="name"/> (created at 0 when missing).</summary>
    public static async Task<long> ReserveAsync(KeelDb db, string name, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "WorkCounters" ("Kind", "Last") VALUES ({name}, 0) ON CONFLICT DO NOTHING""", ct);
        var last = await db.Database.SqlQuery<long>(
            $"""UPDATE "WorkCounters" SET "Last" = "Last" + {count} WHERE "Kind" = {name} RETURNING "Last" AS "Value" """).ToListAsync(ct);
        return last.Single() - count + 1;
    }

    public static async Task<string> NextAsync(KeelDb db, WorkKind kind, CancellationToken ct) =>
        WorkNumber.Format(kind, await ReserveAsync(db, kind, 1, ct));
}
