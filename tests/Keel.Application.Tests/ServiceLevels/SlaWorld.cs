using Keel.Application.Platform;
using Keel.Application.ServiceLevels;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Work;
using Keel.Application.Work;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Application.Tests.ServiceLevels;

/// <summary>The work world plus an admin, a 24×7 calendar and an incident policy: response 1 h, resolution 4 h for every priority.</summary>
internal sealed class SlaWorld
{
    public required WorkWorld Work { get; init; }
    public required TestUser Admin { get; init; }
    public required CalendarView Calendar { get; init; }
    public required PolicyView Policy { get; init; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<SlaWorld> CreateAsync(TestDatabase database, Escalation escalation = Escalation.NotifyTeamLead)
    {
        var work = await WorkWorld.CreateAsync(database);
        var admin = new TestUser("admin", null, Roles.Admin);
        await using var db = database.NewDbContext(admin);
        var calendar = (await new CalendarService(db, admin, database.Time)
            .CreateAsync(new CalendarDraft("Around the clock", "UTC", true, null, null), Ct)).Value!;
        var policy = (await new PolicyService(db, admin, database.Time).CreateAsync(new PolicyDraft(
            Name: "Incidents", Agreement: Agreement.Sla, Kinds: new List<WorkKind> { WorkKind.Incident }, CalendarId: calendar.Id,
            Response: new TargetDraft(1, TargetUnit.Hours), Resolution: new TargetDraft(4, TargetUnit.Hours),
            Escalation: escalation, EscalationTeamId: escalation == Escalation.ReassignToTeam ? work.Field.Id : null), Ct)).Value!;
        return new SlaWorld { Work = work, Admin = admin, Calendar = calendar, Policy = policy };
    }

    public async Task<T> WithAsync<T>(ICurrentUser user, Func<CalendarService, PolicyService, Task<T>> action)
    {
        await using var db = Work.Database.NewDbContext(user);
        return await action(new CalendarService(db, user, Work.Database.Time), new PolicyService(db, user, Work.Database.Time));
    }

    public async Task<Result<IReadOnlyList<SlaClockView>>> ClocksAsync(ICurrentUser user, string number)
    {
        await using var db = Work.Database.NewDbContext(user);
        var time = Work.Database.Time;
        var work = new WorkItemService(db, user, time, new WorkViews(db, user, time), new WorkEffects(db));
        return await new SlaService(db, time, work).ClocksAsync(WorkKind.Incident, number, Ct);
    }

    /// <summary>One run of the clocks' timer job, as the system.</summary>
    public async Task TickAsync()
    {
        await using var db = Work.Database.NewDbContext(SystemUser.Instance);
        await new SlaTickHandler(db, Work.Database.Time, new Keel.Application.Platform.Notifications.NotificationLinks("https://keel.example")).TickAsync(Ct);
    }

    /// <summary>SLA attainment as <paramref name="user"/> reads it.</summary>
    public async Task<Result<IReadOnlyList<AttainmentView>>> AttainmentAsync(ICurrentUser user, AttainmentQuery query)
    {
        await using var db = Work.Database.NewDbContext(user);
        return await new AttainmentService(db, user, Work.Database.Time).QueryAsync(query, Ct);
    }

    /// <summary>An admin's rebuild of the attainment rollup for a range of months.</summary>
    public async Task<Result<AttainmentRebuildView>> RebuildAttainmentAsync(string from, string to)
    {
        await using var db = Work.Database.NewDbContext(Admin);
        return await new AttainmentService(db, Admin, Work.Database.Time).RebuildAsync(from, to, Ct);
    }

    /// <summary>One run of the hourly attainment job, as the system.</summary>
    public async Task AttainmentJobAsync()
    {
        await using var db = Work.Database.NewDbContext(SystemUser.Instance);
        await new AttainmentHandler(db, Work.Database.Time).RunAsync(new Keel.Application.Platform.Jobs.JobContext(Guid.NewGuid(), AttainmentHandler.JobType, "{}", 1, "test"), Ct);
    }
}
