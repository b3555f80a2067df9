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
        // The tiny profile has no work history: tests raise exactly the work they look at.
        DemoProfile.Tiny => [new RolesStep(), new OrganizationStep(), new ServicesStep(), new WorkStep(), new ServiceLevelsStep(), new KnowledgeStep()],
        DemoProfile.Demo =>
            [new RolesStep(), new OrganizationStep(), new ServicesStep(), new WorkStep(), new ServiceLevelsStep(), new WorkHistoryStep(), new ProblemsStep(), new ChangesStep(), new TechDebtStep(), new InitiativesStep(), new CapacityTargetsStep(), new ProjectWorkStep(), new AttainmentStep(), new KnowledgeStep(), new ExperienceStep(), new ValueStreamsStep()],
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

    public static Task<DemoSeedResult> SeedAsync(
        KeelDb db, DemoProfile profile, string password, TimeProvider time,
        IProgress<DemoSeedProgress>? progress, CancellationToken ct = default) =>
        SeedAsync(db, profile, password, time, new DemoSeedOptions(), progress, ct);

    /// <param name="password">The one password of every demo account; hashed once here.</param>
    /// <param name="options">How much work history to raise (demo profile only).</param>
    /// <param name="progress">Told before each step runs; may be null.</param>
    public static async Task<DemoSeedResult> SeedAsync(
        KeelDb db, DemoProfile profile, string password, TimeProvider time, DemoSeedOptions options,
        IProgress<DemoSeedProgress>? progress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(password);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var workItems = options.WorkItemsFor(profile);

        if (!await CanSeedAsync(db, ct))
        {
            return DemoSeedResult.Skipped(profile, "the database already has users");
        }

        var hash = new PasswordHasher<KeelUser>().HashPassword(new KeelUser(), password);
        // A seeded history is not news to anyone: no notifications for it.
        db.SuppressNotifications = true;
        var context = new DemoSeedContext(db, profile, hash, time, workItems);
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

/// <summary>What a seed may be told beyond its profile.</summary>
public sealed record DemoSeedOptions
{
    /// <summary>Twelve months of a 300-person company's incidents and requests.</summary>
    public const int DefaultWorkItems = 40_000;

    /// <summary>Numbers have seven digits; a request's tasks take numbers of their own.</summary>
    public const int MaxWorkItems = 1_000_000;

    /// <summary>Incidents and requests of the work history; null: <see cref="DefaultWorkItems"/> for the demo profile.</summary>
    public int? WorkItems { get; init; }

    /// <summary>Why <see cref="WorkItems"/> does not fit <paramref name="profile"/>, or null when it does: the one rule the CLI and the start-up both show.</summary>
    public string? RefusalFor(DemoProfile profile) => WorkItems switch
    {
        < 0 or > MaxWorkItems => $"Work items are between 0 and {MaxWorkItems}.",
        > 0 when profile != DemoProfile.Demo => $"The {DemoProfiles.NameOf(profile)} profile has no work history; use the demo profile.",
        _ => null,
    };

    /// <summary>The history size for <paramref name="profile"/>; a size <see cref="RefusalFor"/> refuses is an error.</summary>
    public int WorkItemsFor(DemoProfile profile)
    {
        if (RefusalFor(profile) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(WorkItems));
        }
        return profile == DemoProfile.Demo ? WorkItems ?? DefaultWorkItems : 0;
    }
}
