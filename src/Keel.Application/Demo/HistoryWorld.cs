using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Services.Catalog;
using Keel.Domain.Services.Configuration;
using Keel.Domain.Work;

namespace Keel.Application.Demo;

/// <summary>
/// The organization and portfolio as the work history sees them: who works in which team, where people sit (for
/// their working hours), which CIs and catalogue items each live service has.
/// </summary>
internal sealed class HistoryWorld
{
    private static readonly TimeSpan DayStart = TimeSpan.FromHours(8);
    private static readonly TimeSpan DayEnd = TimeSpan.FromHours(17.5);

    private readonly Dictionary<string, TimeZoneInfo> zones = new(StringComparer.Ordinal);

    public HistoryWorld(DemoSeedContext context)
    {
        var organization = context.Organization ?? throw new InvalidOperationException("The organization step runs first.");
        var services = context.Services ?? throw new InvalidOperationException("The services step runs first.");
        Settings = context.WorkSettings ?? throw new InvalidOperationException("The work step runs first.");
        Now = context.Now;
        People = organization.People.ToDictionary(p => p.Id);
        Teams = organization.Teams.ToDictionary(t => t.Id);
        Desk = Teams[Settings.DefaultIncidentTeamId ?? throw new InvalidOperationException("The desk has a default team.")];
        // Leads take work too, but less: they appear once among their members, who appear twice.
        Workers = organization.Teams.ToDictionary(t => t.Id, t => (IReadOnlyList<KeelUser>)t.Members
            .SelectMany(m => m.UserId == t.LeadId ? [People[m.UserId]] : new[] { People[m.UserId], People[m.UserId] }).ToList());
        LiveServices = services.Services.Where(s => s.Lifecycle == ServiceLifecycle.Live).ToList();
        Consumers = services.Consumers.GroupBy(c => c.ServiceId).ToDictionary(g => g.Key, g => (IReadOnlySet<Guid>)g.Select(c => c.BusinessUnitId).ToHashSet());
        CatalogItems = services.CatalogItems.Where(i => i.Active).GroupBy(i => i.ServiceId).ToDictionary(g => g.Key, g => (IReadOnlyList<CatalogItem>)g.ToList());
        Cis = services.Cis.SelectMany(c => c.ServiceIds.Select(s => (Service: s, Ci: c))).GroupBy(x => x.Service)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ConfigurationItem>)g.Select(x => x.Ci).ToList());
        UnitCount = organization.BusinessUnits.Count;
    }

    public DateTime Now { get; }
    public WorkSettings Settings { get; }
    public Team Desk { get; }
    public IReadOnlyDictionary<Guid, KeelUser> People { get; }
    public IReadOnlyDictionary<Guid, Team> Teams { get; }

    /// <summary>The members of each team who pick up work, by team id.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<KeelUser>> Workers { get; }

    public IReadOnlyList<Service> LiveServices { get; }
    public IReadOnlyDictionary<Guid, IReadOnlySet<Guid>> Consumers { get; }
    public IReadOnlyDictionary<Guid, IReadOnlyList<CatalogItem>> CatalogItems { get; }
    public IReadOnlyDictionary<Guid, IReadOnlyList<ConfigurationItem>> Cis { get; }
    public int UnitCount { get; }

    public string TeamNameOf(Service service) => Teams[TeamOf(service)].Name;

    /// <summary>The service's delivering team, or the desk when it has none we know.</summary>
    public Guid TeamOf(Service service) => Teams.ContainsKey(service.DeliveringTeamId) ? service.DeliveringTeamId : Desk.Id;

    public TimeZoneInfo ZoneOf(Guid personId)
    {
        var id = People[personId].TimeZone;
        if (!zones.TryGetValue(id, out var zone))
        {
            zone = TimeZones.IsValid(id) ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
            zones[id] = zone;
        }
        return zone;
    }

    /// <summary>
    /// When <paramref name="personId"/> next works at or after <paramref name="at"/>: the same instant inside their
    /// working hours (Monday to Friday, 08:00–17:30 local), otherwise the next working morning plus a short start.
    /// </summary>
    public DateTime WorkingTime(Guid personId, DateTime at, DemoRandom random)
    {
        var zone = ZoneOf(personId);
        var local = TimeZoneInfo.ConvertTimeFromUtc(at, zone);
        if (IsWorkday(local) && local.TimeOfDay >= DayStart && local.TimeOfDay < DayEnd)
        {
            return at;
        }
        var day = local.TimeOfDay < DayStart ? local.Date : local.Date.AddDays(1);
        while (!IsWorkday(day))
        {
            day = day.AddDays(1);
        }
        return ToUtc(day + DayStart + TimeSpan.FromMinutes(random.Next(90)), zone);
    }

    public DateOnly LocalDate(Guid personId, DateTime at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, ZoneOf(personId)));

    /// <summary>A local wall-clock time in UTC; a time skipped by a daylight-saving change moves an hour on.</summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static bool IsWorkday(DateTime day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}

/// <summary>What the work history generator produced, in the order it is stored.</summary>
internal sealed class WorkHistory
{
    public List<WorkItem> Items { get; } = [];
    public List<WorkComment> Comments { get; } = [];
    public List<WorkLog> Logs { get; } = [];
    public List<Approval> Approvals { get; } = [];

    /// <summary>The last number given out per kind, for the counters.</summary>
    public Dictionary<WorkKind, long> LastNumbers { get; } = [];
}
