using Keel.Application.Data;
using Keel.Application.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Demo;

/// <summary>
/// Seeds the demo organization into an empty database (one without users); on any other database it does
/// nothing and says why. The steps run in order inside one transaction, so a failure leaves the database empty.
/// </summary>
public static class DemoSeeder
{
    /// <summary>The steps, in order. Later areas append theirs (services, work items...) here.</summary>
    private static IReadOnlyList<IDemoSeedStep> Steps(DemoProfile profile) => profile switch
    {
        DemoProfile.Tiny or DemoProfile.Demo => [new RolesStep(), new OrganizationStep(), new ServicesStep(), new WorkStep()],
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown demo profile."),
    };

    /// <summary>
    /// True when the database has no users yet, so seeding would do something. Lets a caller skip resolving
    /// (or generating) the demo password for a database that was seeded long ago.
    /// </summary>
    public static async Task<bool> CanSeedAsync(KeelDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return !await db.Users.AnyAsync(ct);
    }

    public static Task<DemoSeedResult> SeedAsync(
        KeelDb db, DemoProfile profile, string password, TimeProvider time, CancellationToken ct = default) =>
        SeedAsync(db, profile, password, time, progress: null, ct);

    /// <param name="password">The one password of every demo account; hashed once here.</param>
    /// <param name="progress">Told before each step runs; may be null.</param>
    public static async Task<DemoSeedResult> SeedAsync(
        KeelDb db, DemoProfile profile, string password, TimeProvider time,
        IProgress<DemoSeedProgress>? progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(password);
        ArgumentNullException.ThrowIfNull(time);

        if (!await CanSeedAsync(db, ct))
        {
            return DemoSeedResult.Skipped(profile, "the database already has users");
        }

        var hash = new PasswordHasher<KeelUser>().HashPassword(new KeelUser(), password);
        // A seeded history is not news to anyone: no notifications for it.
        db.SuppressNotifications = true;
        var context = new DemoSeedContext(db, profile, hash, time);
        var steps = Steps(profile);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            for (var i = 0; i < steps.Count; i++)
            {
                progress?.Report(new DemoSeedProgress(i + 1, steps.Count, steps[i].Name));
                await steps[i].RunAsync(context, ct);
            }
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two app nodes started on one empty database at once: if the other one won, that is fine.
            db.ChangeTracker.Clear();
            if (!await db.Users.AnyAsync(ct))
            {
                throw;
            }
            return DemoSeedResult.Skipped(profile, "another process seeded the database at the same time");
        }
        finally
        {
            // The seeded graph is large and of no use to whoever keeps using this context.
            db.ChangeTracker.Clear();
        }
        return new DemoSeedResult(profile, true, null, context.Counts);
    }
}
