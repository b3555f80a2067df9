using Keel.Application.Data;
using Keel.Application.Demo;
using Keel.Application.Platform;
using Keel.Application.Platform.Notifications;
using Keel.Application.ServiceLevels;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.Platform.Notifications;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Services;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Demo;

/// <summary>
/// The seeded calendars and policies (both profiles) time new work as their figures say, and the demo history's
/// clocks are exactly what the app's own <see cref="ClockTracker"/> recomputes from the stored history.
/// </summary>
public sealed class ServiceLevelsSeedTests(DatabaseFixture databases)
{
    private const string Password = "Demo-Passw0rd!";
    private static readonly DateTime Now = TestDatabase.Start.UtcDateTime;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_LondonOfficeWithBankHolidaysAndAroundTheClockEachWithItsFirstRevision(DatabaseProvider provider)
    {
        await using var database = await SeedTinyAsync(provider);
        await using var db = database.NewDbContext();

        var calendars = await db.Set<BusinessCalendar>().AsNoTracking().ToDictionaryAsync(c => c.Name, Ct);
        calendars.Keys.ShouldBe(["London office", "Around the clock"], ignoreOrder: true);
        var office = calendars["London office"].Hours;
        (office.TimeZone, office.MinutesPerBusinessDay()).ShouldBe(("Europe/London", 450));
        office.On(DayOfWeek.Monday).Select(i => i.ToString()).ShouldBe(["09:00-12:30", "13:30-17:30"]);
        office.On(DayOfWeek.Saturday).ShouldBeEmpty();
        foreach (var year in new[] { 2025, 2026, 2027 })
        {
            office.Holidays.Count(h => h.Date.Year == year).ShouldBe(8, $"England's bank holidays of {year}");
        }
        office.Holidays.ShouldContain(new Holiday(new DateOnly(2026, 12, 28), "Boxing Day (substitute day)"));
        calendars["Around the clock"].Hours.AlwaysOpen.ShouldBeTrue();
        var revisions = await db.Set<CalendarRevision>().AsNoTracking().ToListAsync(Ct);
        revisions.Select(r => (r.CalendarId, r.Revision)).ShouldBe(calendars.Values.Select(c => (c.Id, 1)), ignoreOrder: true);
        revisions.Single(r => r.CalendarId == calendars["London office"].Id).Hours.Holidays.ShouldBe(office.Holidays);
    }

    [Theory, DatabaseData]
    public async Task Tiny_Seeded_ValidPoliciesForEachPriorityRequestsAndEveryTeamsTasks(DatabaseProvider provider)
    {
        await using var database = await SeedTinyAsync(provider);
        await using var db = database.NewDbContext();

        var policies = await db.Set<ServiceLevelPolicy>().AsNoTracking().ToListAsync(Ct);
        foreach (var policy in policies)
        {
            var errors = new FieldErrors();
            policy.Validate(errors);
            errors.Any.ShouldBeFalse(policy.Name);
        }
        policies.Select(p => p.Name).ShouldBe(
            ["Remote Access P2", "Incidents P1", "Incidents P2", "Incidents P3", "Incidents P4", "Service requests", "Network tasks", "Service Desk tasks"],
            ignoreOrder: true);
        var teams = await db.Set<Team>().Select(t => t.Id).ToListAsync(Ct);
        policies.Where(p => p.Agreement == Agreement.Ola).Select(p => p.TeamId).ShouldBe(teams.Cast<Guid?>(), ignoreOrder: true);
        policies.Where(p => p.Agreement == Agreement.Ola).ShouldAllBe(p => p.Resolution == new ServiceTarget(2, TargetUnit.BusinessDays));
    }

    [Theory, DatabaseData]
    public async Task Tiny_IncidentsRaised_GetTheirPrioritysTargetsOnItsCalendar(DatabaseProvider provider)
    {
        await using var database = await SeedTinyAsync(provider);
        var (requester, requester2, services) = await PeopleAndServicesAsync(database);

        // Monday 2 March 2026, 09:00 in London: P1 counts around the clock, P3 on office hours with a lunch break.
        var p1 = await RaiseAsync(database, requester, services["Workplace Services"], impact: 1, urgency: 1);
        var p3 = await RaiseAsync(database, requester, services["Workplace Services"], impact: 2, urgency: 2);
        var vpn = await RaiseAsync(database, requester2, services["Remote Access"], impact: 1, urgency: 2);

        Due(p1).ShouldBe(("Incidents P1", Now.AddMinutes(15), Now.AddHours(4)));
        Due(p3).ShouldBe(("Incidents P3", Now.AddHours(5), new DateTime(2026, 3, 4, 17, 30, 0, DateTimeKind.Utc)));
        Due(vpn).ShouldBe(("Remote Access P2", Now.AddMinutes(30), Now.AddHours(12)));
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_StoredClocksAreWhatClockTrackerRecomputesFromTheStoredHistory(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var read = database.NewDbContext();
        var stored = await read.Set<ServiceLevelClock>().AsNoTracking().ToListAsync(Ct);
        var storedByItem = stored.ToLookup(c => c.WorkItemId);
        var ids = await read.Set<WorkItem>().OrderBy(w => w.Number).Select(w => w.Id).ToListAsync(Ct);
        var mismatches = new List<string>();

        foreach (var batch in ids.Chunk(500))
        {
            await using var db = database.NewDbContext(SystemUser.Instance);
            var items = await db.Set<WorkItem>().Where(w => batch.Contains(w.Id)).ToListAsync(Ct);
            var seeded = items.ToDictionary(i => i.Id, i => (i.SlaStatus, i.SlaDueAt));
            // Picks the policies again, as the audited recompute does, and reads every clock from the stored history.
            await new ClockTracker(db).RefreshAsync(items, Now, repick: true, Ct);
            var recomputed = db.ChangeTracker.Entries<ServiceLevelClock>().Select(e => e.Entity).ToLookup(c => c.WorkItemId);
            foreach (var item in items)
            {
                var expected = storedByItem[item.Id].OrderBy(c => c.Kind).ToList();
                var actual = recomputed[item.Id].OrderBy(c => c.Kind).ToList();
                if (expected.Count != actual.Count || expected.Zip(actual).Any(p => !Same(p.First, p.Second))
                    || seeded[item.Id].SlaStatus != item.SlaStatus || !Close(seeded[item.Id].SlaDueAt, item.SlaDueAt))
                {
                    mismatches.Add($"{item.Number}: stored {string.Join(" | ", expected.Select(Describe))} {seeded[item.Id]}; " +
                                   $"recomputed {string.Join(" | ", actual.Select(Describe))} {(item.SlaStatus, item.SlaDueAt)}");
                }
            }
        }

        mismatches.Take(5).ShouldBeEmpty($"{mismatches.Count} items differ");
        stored.Count.ShouldBeGreaterThan(ids.Count);
    }

    [Theory, DatabaseData]
    public async Task Demo_Seeded_EveryItemTimedAndAboutOneResolutionInTenBreachedMoreOftenForP1(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using var db = database.NewDbContext();
        var items = await db.Set<WorkItem>().AsNoTracking().ToDictionaryAsync(w => w.Id, Ct);
        var clocks = await db.Set<ServiceLevelClock>().AsNoTracking().ToListAsync(Ct);

        var byItem = clocks.ToLookup(c => c.WorkItemId);
        // Problems and changes are not timed by service levels.
        foreach (var item in items.Values.Where(i => i.Kind is WorkKind.Incident or WorkKind.Request or WorkKind.Task))
        {
            var own = byItem[item.Id].ToList();
            own.Select(c => (c.Agreement, c.Kind)).ShouldBe(item.Kind == WorkKind.Task
                ? [(Agreement.Ola, ClockKind.Resolution)]
                : [(Agreement.Sla, ClockKind.Response), (Agreement.Sla, ClockKind.Resolution)], ignoreOrder: true, item.Number);
            item.SlaStatus.ShouldBe(SlaSummary.StatusOf(own), item.Number);
        }
        var resolutions = clocks.Where(c => c.Kind == ClockKind.Resolution && c.State != ClockState.Cancelled).ToList();
        var share = BreachedShare(resolutions);
        share.ShouldBeInRange(0.05, 0.15);
        BreachedShare(resolutions.Where(c => items[c.WorkItemId] is { Kind: WorkKind.Incident, Priority: 1 })).ShouldBeGreaterThan(share * 1.5);
        foreach (var kind in new[] { WorkKind.Incident, WorkKind.Request, WorkKind.Task })
        {
            BreachedShare(resolutions.Where(c => items[c.WorkItemId].Kind == kind)).ShouldBeInRange(0.01, 0.2, $"{kind}s breached");
        }
        clocks.ShouldContain(c => c.State == ClockState.Running, "some work is still being timed");
        clocks.ShouldContain(c => c.Pauses.Count > 0, "some waited for their caller or a vendor");
    }

    [Theory, DatabaseData]
    public async Task Demo_FirstTickAfterTheSeed_AnnouncesNoBreachOrWarningOfTheHistory(DatabaseProvider provider)
    {
        await using var database = await databases.CreateAsync(provider, WorkHistorySeedTests.Template, WorkHistorySeedTests.SeedAsync, Ct);
        await using (var db = database.NewDbContext(SystemUser.Instance))
        {
            (await db.Set<ServiceLevelClock>().CountAsync(c => c.State == ClockState.Breached, Ct)).ShouldBeGreaterThan(0);
            await new SlaTickHandler(db, database.Time, new NotificationLinks("https://keel.example")).TickAsync(Ct);
        }

        await using var check = database.NewDbContext();
        (await check.Set<Notification>().CountAsync(n => n.Event == NotificationEvent.SlaWarning || n.Event == NotificationEvent.SlaBreached, Ct)).ShouldBe(0);
    }

    private static double BreachedShare(IEnumerable<ServiceLevelClock> clocks)
    {
        var list = clocks.ToList();
        return list.Count == 0 ? 0 : list.Count(c => c.State == ClockState.Breached) / (double)list.Count;
    }

    /// <summary>
    /// The same clock as a reader sees it. PostgreSQL keeps microseconds of the history's instants, so a clock read back
    /// from it may lie a microsecond off the one computed in memory: instants compare to the millisecond.
    /// </summary>
    private static bool Same(ServiceLevelClock a, ServiceLevelClock b) =>
        (a.Agreement, a.Kind, a.PolicyId, a.PolicyName, a.Terms.TargetMinutes, a.CalendarId, a.CalendarRevision, a.State,
            a.ElapsedMinutes, a.RemainingMinutes, a.Warning, a.Pauses.Count)
        == (b.Agreement, b.Kind, b.PolicyId, b.PolicyName, b.Terms.TargetMinutes, b.CalendarId, b.CalendarRevision, b.State,
            b.ElapsedMinutes, b.RemainingMinutes, b.Warning, b.Pauses.Count)
        && Close(a.StartedAt, b.StartedAt) && Close(a.DueAt, b.DueAt) && Close(a.StoppedAt, b.StoppedAt) && Close(a.NextCheckAt, b.NextCheckAt)
        && a.Pauses.Zip(b.Pauses).All(p => p.First.Reason == p.Second.Reason && Close(p.First.From, p.Second.From) && Close(p.First.To, p.Second.To));

    private static bool Close(DateTime? a, DateTime? b) =>
        a is null || b is null ? a == b : Math.Abs((a.Value - b.Value).TotalMilliseconds) < 1;

    private static string Describe(ServiceLevelClock c) =>
        $"{c.Agreement} {c.Kind} {c.PolicyName} {c.Terms.TargetMinutes} {c.State} {c.StartedAt:O} {c.DueAt:O} {c.StoppedAt:O} " +
        $"{c.ElapsedMinutes} {c.RemainingMinutes} {c.Warning} {c.NextCheckAt:O} [{string.Join(", ", c.Pauses.Select(p => $"{p.Reason} {p.From:O}-{p.To:O}"))}]";

    private static (string Policy, DateTime Response, DateTime Resolution) Due(WorkItemView incident) => (
        incident.Sla.Select(c => c.Policy).Distinct().ShouldHaveSingleItem(),
        incident.Sla.Single(c => c.Kind == "response").DueAt,
        incident.Sla.Single(c => c.Kind == "resolution").DueAt);

    private async Task<TestDatabase> SeedTinyAsync(DatabaseProvider provider)
    {
        var database = await databases.CreateAsync(provider, Ct);
        await using var db = database.NewDbContext();
        (await DemoSeeder.SeedAsync(db, DemoProfile.Tiny, Password, database.Time, Ct)).Seeded.ShouldBeTrue();
        return database;
    }

    private static async Task<(TestUser Requester, TestUser Requester2, Dictionary<string, Guid> Services)> PeopleAndServicesAsync(TestDatabase database)
    {
        await using var db = database.NewDbContext();
        var people = await db.Users.Where(u => u.UserName == "requester" || u.UserName == "requester2").ToDictionaryAsync(u => u.UserName!, u => u.Id, Ct);
        var services = await db.Set<Service>().ToDictionaryAsync(s => s.Name, s => s.Id, Ct);
        return (new TestUser("requester", people["requester"], Roles.Requester), new TestUser("requester2", people["requester2"], Roles.Requester), services);
    }

    private static async Task<WorkItemView> RaiseAsync(TestDatabase database, TestUser requester, Guid serviceId, int impact, int urgency)
    {
        await using var db = database.NewDbContext(requester);
        var views = new WorkViews(db, requester, database.Time);
        var incidents = new IncidentService(db, requester, database.Time, views, new WorkRouting(db));
        var result = await incidents.CreateAsync(new IncidentDraft("Cannot work", "Since this morning.", serviceId, null, null, impact, urgency, null), Ct);
        return result.Value.ShouldNotBeNull(result.Error?.Message);
    }
}
