using Keel.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Balance;

/// <summary>
/// Initiative numbers (INI0000001) from a row of their own in the work counters' table, reserved in a statement of its
/// own like <see cref="Work.WorkNumbers"/>: two nodes never hand out the same number. The table is only ever read by
/// SQL, so the row's kind needs no member in WorkKind.
/// </summary>
public static class InitiativeNumbers
{
    private const string Counter = "Initiative";

    /// <summary>Reserves <paramref name="count"/> numbers and returns the first sequence of the block.</summary>
    public static async Task<long> ReserveAsync(KeelDb db, int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "WorkCounters" ("Kind", "Last") VALUES ({Counter}, 0) ON CONFLICT DO NOTHING""", ct);
        var last = await db.Database.SqlQuery<long>(
            $"""UPDATE "WorkCounters" SET "Last" = "Last" + {count} WHERE "Kind" = {Counter} RETURNING "Last" AS "Value" """).ToListAsync(ct);
        return last.Single() - count + 1;
    }
}
