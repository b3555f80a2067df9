using Keel.Domain.Platform;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Data;

public static class SaveExtensions
{
    /// <summary>Saves, turning a lost optimistic-concurrency race into <see cref="Error.Concurrency"/>; nothing is written then.</summary>
    public static async Task<Error?> SaveOrConflictAsync(this KeelDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Concurrency();
        }
    }
}
