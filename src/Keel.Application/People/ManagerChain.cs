using Keel.Application.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.People;

/// <summary>
/// The managers above a person, nearest first, read from each person's manager. The walk stops at a repeat, so a
/// mistaken cycle in the organization cannot loop forever, and at a depth no real organization reaches.
/// </summary>
public static class ManagerChain
{
    private const int MaxDepth = 32;

    public static async Task<IReadOnlyList<Guid>> OfAsync(KeelDb db, Guid personId, CancellationToken ct = default)
    {
        var chain = new List<Guid>();
        var seen = new HashSet<Guid> { personId };
        Guid? current = personId;
        while (chain.Count < MaxDepth)
        {
            var id = current.Value;
            var manager = await db.Users.Where(u => u.Id == id).Select(u => u.ManagerId).FirstOrDefaultAsync(ct);
            if (manager is not { } next || !seen.Add(next))
            {
                break;
            }

            chain.Add(next);
            current = next;
        }

        return chain;
    }

    /// <summary>Whether <paramref name="managerId"/> is somewhere above <paramref name="personId"/>.</summary>
    public static async Task<bool> IsAboveAsync(KeelDb db, Guid managerId, Guid personId, CancellationToken ct = default) =>
        (await OfAsync(db, personId, ct)).Contains(managerId);
}
