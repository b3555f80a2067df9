using System.Text.Json;
using Keel.Application.Platform.Jobs;
using Keel.Application.Tests.Infrastructure;
using Keel.Application.Tests.Platform;
using Keel.Application.Tests.ServiceLevels;
using Keel.Application.Tests.Work;
using Keel.Application.Value;
using Keel.Application.Work;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Keel.Domain.Value;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Tests.Value;

/// <summary>One row of the rollup as a value, so whole tables compare with ShouldBe.</summary>
internal sealed record DayRow(
    Guid ServiceId, DateOnly Day, int Raised, int Resolved, int Reopened, int FirstContact, int Interactions,
    int ResolutionMet, int ResolutionBreached, int SlaMet, int SlaBreached, int SurveysSent, int Responses, int RatingSum,
    long LabourMinutes, long LabourMinor)
{
    public static DayRow Of(ServiceDay d) => new(
        d.ServiceId, d.Day, d.Raised, d.Resolved, d.Reopened, d.FirstContact, d.Interactions, d.ResolutionMet, d.ResolutionBreached,
        d.SlaMet, d.SlaBreached, d.SurveysSent, d.Responses, d.RatingSum, d.LabourMinutes, d.LabourMinor);
}

internal sealed record UnitRow(Guid ServiceId, DateOnly Day, Guid BusinessUnitId, int Raised);

/// <summary>
/// The SLA world (24×7 calendar; incidents: response 1 h, resolution 4 h) with hourly rates on both teams (the desk's
/// rate does not divide evenly, so rounding per entry shows) and the second requester in a business unit of their own.
/// </summary>
internal sealed class ValueWorld
{
    public const long DeskRate = 6125;
    public const long FieldRate = 9000;

    public required SlaWorld Sla { get; init; }
    public required BusinessUnit Finance { get; init; }

    public WorkWorld Work => Sla.Work;
    public TestDatabase Database => Sla.Work.Database;

    public static readonly DateOnly March2 = new(2026, 3, 2);
    public static readonly DateOnly March3 = new(2026, 3, 3);
    public static readonly DateOnly March4 = new(2026, 3, 4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ValueWorld> CreateAsync(TestDatabase database)
    {
        var sla = await SlaWorld.CreateAsync(database);
        var finance = await PlatformData.AddBusinessUnitAsync(database, "Finance", "FIN");
        await using var db = database.NewDbContext();
        await db.Set<Team>().Where(t => t.Id == sla.Work.Desk.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.HourlyRateMinor, DeskRate), Ct);
        await db.Set<Team>().Where(t => t.Id == sla.Work.Field.Id).ExecuteUpdateAsync(t => t.SetProperty(x => x.HourlyRateMinor, FieldRate), Ct);
        var requester2 = sla.Work.Requester2.UserId;
        await db.Set<Keel.Application.Platform.KeelUser>().Where(u => u.Id == requester2)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.BusinessUnitId, finance.Id), Ct);
        return new ValueWorld { Sla = sla, Finance = finance };
    }

    /// <summary>The numbers of the story's items.</summary>
    public string A { get; private set; } = "";
    public string B { get; private set; } = "";
    public string C { get; private set; } = "";
    public string D { get; private set; } = "";

    /// <summary>
    /// Monday 2 March: A resolved within its targets at first contact; B put on hold for the caller, who replies, then
    /// resolved; a laptop request raised and left waiting; time logged by a desk agent, an agent of both teams and the
    /// owner (in no team); surveys for A (answered the next day) and B. Tuesday 3 March: C breaches both targets; D, raised
    /// by the other requester, is merged into C as a duplicate. Ends Tuesday 15:00.
    /// </summary>
    public async Task StoryAsync()
    {
        var (work, time) = (Work, Database.Time);
        var resolve = new TransitionRequest(WorkState.Resolved, ResolutionCode: ResolutionCode.SolvedPermanently, ResolutionNote: "Fixed.");
        time.AdjustTime(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        A = (await work.RaiseAsync(work.Requester, "Outlook keeps asking for my password")).Value!.Number;
        time.Advance(TimeSpan.FromMinutes(15));
        (await work.MoveAsync(work.Agent, A, new TransitionRequest(WorkState.InProgress))).IsSuccess.ShouldBeTrue();
        await LogAsync(work.Agent, A, 30, March2);
        time.Advance(TimeSpan.FromMinutes(45));
        (await work.MoveAsync(work.Agent, A, resolve)).IsSuccess.ShouldBeTrue();

        B = (await work.RaiseAsync(work.Requester2, "The printer on floor 2 is jammed")).Value!.Number;
        time.Advance(TimeSpan.FromMinutes(15));
        (await work.MoveAsync(work.Agent, B, new TransitionRequest(WorkState.OnHold, HoldReason: HoldReason.AwaitingCaller))).IsSuccess.ShouldBeTrue();
        time.Advance(TimeSpan.FromMinutes(15));
        (await work.RunAsync(work.Requester2, u => u.Conversation.AddCommentAsync(WorkKind.Incident, B, new CommentDraft("It is the one by the door.", null), Ct))).IsSuccess.ShouldBeTrue();
        await LogAsync(work.Agent2, B, 45, March2);
        await LogAsync(work.Owner, B, 20, March2);
        time.Advance(TimeSpan.FromMinutes(60));
        (await work.MoveAsync(work.Agent, B, resolve)).IsSuccess.ShouldBeTrue();

        time.Advance(TimeSpan.FromMinutes(30));
        (await work.RunAsync(work.Requester, u => u.Requests.CreateAsync(
            new RequestDraft(work.Laptop.Id, JsonDocument.Parse("""{"reason":"Mine broke"}""").RootElement, null), Ct))).IsSuccess.ShouldBeTrue();
        await AddSurveyAsync(A, new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc), (4, new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc)));
        await AddSurveyAsync(B, new DateTime(2026, 3, 2, 11, 30, 0, DateTimeKind.Utc), null);

        time.AdjustTime(new DateTimeOffset(2026, 3, 3, 8, 0, 0, TimeSpan.Zero));
        C = (await work.RaiseAsync(work.Requester, "The VPN drops every few minutes", impact: 1, urgency: 1)).Value!.Number;
        time.Advance(TimeSpan.FromMinutes(30));
        D = (await work.RaiseAsync(work.Requester2, "VPN keeps disconnecting")).Value!.Number;
        time.Advance(TimeSpan.FromMinutes(15));
        (await work.RunAsync(work.Agent, u => u.Merges.MergeAsync(D, new MergeDraft(C), Ct))).IsSuccess.ShouldBeTrue();
        time.Advance(TimeSpan.FromMinutes(45));
        (await work.MoveAsync(work.Agent, C, new TransitionRequest(WorkState.InProgress))).IsSuccess.ShouldBeTrue(); // response breached at 09:00
        await LogAsync(work.Agent2, C, 7, March2); // logged against the day before
        time.AdjustTime(new DateTimeOffset(2026, 3, 3, 12, 30, 0, TimeSpan.Zero));
        await Sla.TickAsync();                                                                                     // resolution breached at 12:00
        time.AdjustTime(new DateTimeOffset(2026, 3, 3, 14, 0, 0, TimeSpan.Zero));
        (await work.MoveAsync(work.Agent, C, resolve)).IsSuccess.ShouldBeTrue();
        time.AdjustTime(new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));
    }

    public async Task LogAsync(Keel.Application.Platform.ICurrentUser by, string number, int minutes, DateOnly date) =>
        (await Work.RunAsync(by, u => u.Conversation.AddWorkLogAsync(WorkKind.Incident, number, new WorkLogDraft(minutes, date, "Worked on it."), Ct)))
        .IsSuccess.ShouldBeTrue();

    /// <summary>A survey as the survey job sends it (that job is not part of this piece): one per item, the service copied on.</summary>
    public async Task AddSurveyAsync(string number, DateTime sentAt, (int Rating, DateTime At)? answer)
    {
        await using var db = Database.NewDbContext();
        var item = await db.Set<WorkItem>().SingleAsync(w => w.Number == number, Ct);
        db.Add(new Survey
        {
            WorkItemId = item.Id, ServiceId = item.ServiceId, RecipientId = item.RequesterId, Token = Guid.NewGuid().ToString("N"),
            SentAt = sentAt, ExpiresAt = sentAt + Survey.DefaultLifetime, Rating = answer?.Rating, RespondedAt = answer?.At,
        });
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>One run of the five-minute job, as the system.</summary>
    public async Task JobAsync()
    {
        await using var db = Database.NewDbContext(Keel.Application.Platform.SystemUser.Instance);
        await new ValueRollupHandler(db, Database.Time).RunAsync(new JobContext(Guid.NewGuid(), ValueRollupHandler.JobType, "{}", 1, "test"), Ct);
    }

    public async Task<ValueRollupRun> RebuildAllAsync()
    {
        await using var db = Database.NewDbContext();
        return await new ValueRollup(db, Database.Time).RebuildAllAsync(Ct);
    }

    public async Task<(List<DayRow> Days, List<UnitRow> Units)> TableAsync()
    {
        await using var db = Database.NewDbContext();
        var days = await db.Set<ServiceDay>().AsNoTracking().ToListAsync(Ct);
        var units = await db.Set<ServiceUnitDay>().AsNoTracking().ToListAsync(Ct);
        return ([.. days.Select(DayRow.Of).OrderBy(d => d.Day).ThenBy(d => d.ServiceId)],
                [.. units.Select(u => new UnitRow(u.ServiceId, u.Day, u.BusinessUnitId, u.Raised)).OrderBy(u => u.Day).ThenBy(u => u.BusinessUnitId)]);
    }

    public async Task<DayRow?> RowAsync(DateOnly day) => (await TableAsync()).Days.SingleOrDefault(d => d.ServiceId == Work.Service.Id && d.Day == day);
}
