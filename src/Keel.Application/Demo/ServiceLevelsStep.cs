using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;

namespace Keel.Application.Demo;

/// <summary>
/// Adds the business calendars (each with its first revision, as CalendarService does) and the SLA/OLA policies, in
/// both profiles: new work is timed from the first save on, and the demo's history gets its clocks from them.
/// </summary>
internal sealed class ServiceLevelsStep : IDemoSeedStep
{
    public string Name => "service levels";

    public async Task RunAsync(DemoSeedContext context, CancellationToken ct)
    {
        var organization = context.Organization ?? throw new InvalidOperationException("The organization step runs first.");
        var services = context.Services ?? throw new InvalidOperationException("The services step runs first.");
        // Ids of their own sequence: the work history draws the same ids (and so the same data) with or without them.
        var ids = new DemoRandom(DemoSeedContext.Seed + 3);
        var office = Calendar(ids, DemoCalendars.Office, DemoCalendars.OfficeHours);
        var aroundTheClock = Calendar(ids, DemoCalendars.AroundTheClock, DemoCalendars.AroundTheClockHours);
        var calendars = new List<BusinessCalendar> { office, aroundTheClock };
        // The calendars were in force when the history began.
        var since = context.Now.Date.AddDays(-HistoryPlanner.DaysOfHistory - 1);
        var revisions = calendars.Select(c => new CalendarRevision { CalendarId = c.Id, Revision = c.Revision, Hours = c.Hours, CreatedAt = since }).ToList();
        var policies = DemoPolicies.Build(ids, services.Services, organization.Teams, office.Id, aroundTheClock.Id);

        var db = context.Db;
        db.AddRange(calendars);
        db.AddRange(revisions);
        db.AddRange(policies);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        context.ServiceLevels = new ServiceLevelsSeed(calendars, policies);
        context.Count("calendars", calendars.Count);
        context.Count("service-level policies", policies.Count);
    }

    /// <summary>The seed builds through the domain's own rules: data they refuse is a bug in the seed, not a warning.</summary>
    public static void EnsureValid(string what, Action<FieldErrors> validate)
    {
        var errors = new FieldErrors();
        validate(errors);
        if (errors.Any)
        {
            var fields = errors.ToError().Fields ?? new Dictionary<string, string[]>();
            throw new InvalidOperationException($"Demo seed: {what} is invalid: {string.Join("; ", fields.Select(f => $"{f.Key} {string.Join(", ", f.Value)}"))}");
        }
    }

    private static BusinessCalendar Calendar(DemoRandom ids, string name, CalendarHours hours)
    {
        var calendar = new BusinessCalendar { Id = ids.NextGuid(), Name = name, Hours = hours };
        EnsureValid(name, calendar.Validate);
        return calendar;
    }
}

/// <summary>What the service-levels step created: the calendars (each at its first revision) and the policies.</summary>
internal sealed record ServiceLevelsSeed(IReadOnlyList<BusinessCalendar> Calendars, IReadOnlyList<ServiceLevelPolicy> Policies);
