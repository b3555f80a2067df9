using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>What the seed steps share: the database, the seeded randomness, and what earlier steps created.</summary>
internal sealed class DemoSeedContext(KeelDb db, DemoProfile profile, string passwordHash, TimeProvider time, int workItems = 0)
{
    /// <summary>Fixed, so that the same profile always gives the same organization.</summary>
    public const int Seed = 20_261_127;

    public KeelDb Db { get; } = db;
    public DemoProfile Profile { get; } = profile;

    /// <summary>Every demo account shares this hash: hashing costs ~40 ms, once is enough.</summary>
    public string PasswordHash { get; } = passwordHash;

    public TimeProvider Time { get; } = time;
    public DateTime Now { get; } = time.GetUtcNow().UtcDateTime;

    /// <summary>For names, titles and picks. Ids draw from their own sequence so new id uses do not reshuffle names.</summary>
    public DemoRandom Random { get; } = new(Seed);

    public DemoRandom Ids { get; } = new(Seed + 1);

    public Dictionary<string, KeelRole> RolesByName { get; } = new(StringComparer.Ordinal);

    /// <summary>Set by the organization step; later steps pick owners, requesters and assignees from it.</summary>
    public DemoOrganization? Organization { get; set; }

    /// <summary>Set by the services step: the portfolio, catalogue and CMDB the work history is raised against.</summary>
    public ServicesSeed? Services { get; set; }

    /// <summary>Set by the work step: the desk's settings (default team, automatic closing, reopen window).</summary>
    public WorkSettings? WorkSettings { get; set; }

    /// <summary>Set by the service-levels step: the calendars and policies the history's clocks count on.</summary>
    public ServiceLevelsSeed? ServiceLevels { get; set; }

    /// <summary>Set by the work history step: the items it raised, so later steps link to them without reading them back.</summary>
    public IReadOnlyList<WorkItem>? HistoryItems { get; set; }

    /// <summary>How many incidents and requests the work history step raises (0: none).</summary>
    public int WorkItems { get; } = workItems;

    public List<DemoSeedCount> Counts { get; } = [];

    public void Count(string what, int count) => Counts.Add(new DemoSeedCount(what, count));
}
