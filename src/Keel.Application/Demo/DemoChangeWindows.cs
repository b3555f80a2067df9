using Keel.Domain.Changes;
using Keel.Domain.Services;
using Keel.Domain.Services.Configuration;

namespace Keel.Application.Demo;

/// <summary>
/// The change calendar's windows: a Sunday-night maintenance window for the CIs of each of the most critical systems, a
/// Saturday-night window for the core network, the year-end freeze nearest to now (the coming one from July, else the
/// one that began last December), and a freeze of the launch systems for a product launch in the coming weeks.
/// </summary>
internal static class DemoChangeWindows
{
    public static readonly IReadOnlyList<string> SundayMaintenance = ["ERP Finance", "Production Planning", "Warehouse & Logistics", "HR & Payroll"];

    /// <summary>The services the product launch freezes (from day <see cref="LaunchFromDay"/> to <see cref="LaunchToDay"/> after now, Berlin days).</summary>
    public static readonly IReadOnlyList<string> LaunchServices = ["Company Website", "CRM", "Marketing Automation"];

    public const string LaunchFreeze = "Product launch week";
    public const int LaunchFromDay = 12;
    public const int LaunchToDay = 16;

    public static List<ChangeWindow> Create(DemoSeedContext context, HistoryWorld world, IReadOnlyDictionary<string, Service> byName)
    {
        var now = context.Now;
        var windows = new List<ChangeWindow>();
        foreach (var name in SundayMaintenance.Where(byName.ContainsKey))
        {
            windows.Add(new ChangeWindow
            {
                Id = context.Ids.NextGuid(), Kind = ChangeWindowKind.Maintenance, Name = $"{name}: Sunday night maintenance",
                Reason = "Agreed with the business: nobody books, plans or ships on Sunday nights.",
                Weekly = new WeeklyRecurrence { Days = [DayOfWeek.Sunday], Start = new TimeOnly(2, 0), DurationMinutes = 240, TimeZone = ChangePlanner.Berlin.Id },
                ConfigurationItemIds = [.. world.Cis.GetValueOrDefault(byName[name].Id, []).Where(c => c.Type != CiTypes.EndUserDevice).Select(c => c.Id)],
            });
        }
        var network = context.Services!.Cis.Where(c => c.Name.StartsWith("core-switch-", StringComparison.Ordinal) || c.Name == "firewall-edge-01").Select(c => c.Id).ToList();
        if (network.Count > 0)
        {
            windows.Add(new ChangeWindow
            {
                Id = context.Ids.NextGuid(), Kind = ChangeWindowKind.Maintenance, Name = "Core network: Saturday night maintenance",
                Reason = "Both sites' core switches and the edge firewall: the plants' night shift ends at 22:00 on Saturdays.",
                Weekly = new WeeklyRecurrence { Days = [DayOfWeek.Saturday], Start = new TimeOnly(22, 0), DurationMinutes = 360, TimeZone = ChangePlanner.Berlin.Id },
                ConfigurationItemIds = network,
            });
        }
        var year = now.Month >= 7 ? now.Year : now.Year - 1;
        windows.Add(new ChangeWindow
        {
            Id = context.Ids.NextGuid(), Kind = ChangeWindowKind.Freeze, Name = $"Year-end freeze {year}/{(year + 1) % 100:00}",
            Reason = "Year-end close and holiday staffing: only emergency changes from 15 December to 5 January.",
            StartsAt = HistoryWorld.ToUtc(new DateTime(year, 12, 15, 0, 0, 0, DateTimeKind.Unspecified), ChangePlanner.Berlin),
            EndsAt = HistoryWorld.ToUtc(new DateTime(year + 1, 1, 6, 0, 0, 0, DateTimeKind.Unspecified), ChangePlanner.Berlin),
        });
        var launch = LaunchServices.Where(byName.ContainsKey).Select(n => byName[n].Id).ToList();
        if (launch.Count > 0)
        {
            windows.Add(new ChangeWindow
            {
                Id = context.Ids.NextGuid(), Kind = ChangeWindowKind.Freeze, Name = LaunchFreeze,
                Reason = "The new product line launches at the trade fair: the website, CRM and campaigns stay as they are that week.",
                StartsAt = ChangePlanner.Local(now, LaunchFromDay, 0), EndsAt = ChangePlanner.Local(now, LaunchToDay, 0), ServiceIds = launch,
            });
        }
        return windows;
    }
}
