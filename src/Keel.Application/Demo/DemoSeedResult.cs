namespace Keel.Application.Demo;

/// <summary>How many records of one kind a seed step created ("people", 300).</summary>
public sealed record DemoSeedCount(string What, int Count);

/// <summary>Reported before each seed step runs, for a progress display.</summary>
public sealed record DemoSeedProgress(int Step, int Steps, string Name);

/// <summary>What seeding did: the counts per kind, or why nothing was seeded.</summary>
public sealed record DemoSeedResult(DemoProfile Profile, bool Seeded, string? SkippedBecause, IReadOnlyList<DemoSeedCount> Counts)
{
    public static DemoSeedResult Skipped(DemoProfile profile, string because) => new(profile, false, because, []);

    public int CountOf(string what) => Counts.FirstOrDefault(c => c.What == what)?.Count ?? 0;

    /// <summary>One line for a log or a console: "seeded demo profile: 10 roles, 6 business units, ...".</summary>
    public string Summary => Seeded
        ? $"seeded {DemoProfiles.NameOf(Profile)} profile: {string.Join(", ", Counts.Select(c => $"{c.Count} {c.What}"))}"
        : $"nothing seeded: {SkippedBecause}";
}
