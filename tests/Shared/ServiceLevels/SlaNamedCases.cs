using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Tests.Shared.ServiceLevels;

public enum SlaStep
{
    Create,
    Start,
    Hold,
    Resume,
    Resolve,
    Reopen,
    Cancel,
    Reply,
    ChangePriority,
}

/// <summary>One thing that happens to the incident, at a local time of the case's calendar ("2026-11-23 09:00").</summary>
public sealed record SlaEvent(string At, SlaStep Step, HoldReason? Reason = null, int? Priority = null);

/// <summary>
/// A named service-level case: a calendar, targets per priority, what happened and when, and the clock expected at
/// <see cref="Now"/>. The same table runs through the engine (Keel.Domain.Tests) and through the API on both
/// providers (Keel.Web.Tests), so that the rules hold end to end. Times are local to the calendar.
/// </summary>
public sealed record SlaCase(
    string Name,
    string Calendar,
    ClockKind Clock,
    IReadOnlyDictionary<int, ServiceTarget> Targets,
    IReadOnlyList<SlaEvent> Events,
    string Now,
    string ExpectedDue,
    ClockState ExpectedState,
    long ExpectedElapsedMinutes,
    int ExpectedPauses = 0)
{
    public override string ToString() => Name;
}

public static class SlaCalendars
{
    public const string Office = "London office";
    public const string NightOps = "Night operations";
    public const string AroundTheClock = "24×7";

    /// <summary>Mon–Fri 09:00–12:30 and 13:30–17:30 in Europe/London (450 minutes a day), with Christmas holidays.</summary>
    public static CalendarHours Get(string name) => name switch
    {
        Office => new CalendarHours
        {
            TimeZone = "Europe/London",
            Week = Weekdays([new WorkingInterval(9 * 60, 12 * 60 + 30), new WorkingInterval(13 * 60 + 30, 17 * 60 + 30)]),
            Holidays =
            [
                new Holiday(new DateOnly(2026, 12, 25), "Christmas Day"),
                new Holiday(new DateOnly(2026, 12, 28), "Boxing Day (substitute)"),
                new Holiday(new DateOnly(2027, 1, 1), "New Year's Day"),
            ],
        },
        // Every day 00:00–06:00 in Europe/London: the clocks change inside the working hours.
        NightOps => new CalendarHours
        {
            TimeZone = "Europe/London",
            Week = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, IReadOnlyList<WorkingInterval> (_) => [new WorkingInterval(0, 6 * 60)]),
        },
        AroundTheClock => CalendarHours.TwentyFourSeven,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such calendar in the cases"),
    };

    private static Dictionary<DayOfWeek, IReadOnlyList<WorkingInterval>> Weekdays(IReadOnlyList<WorkingInterval> hours) =>
        new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .ToDictionary(d => d, _ => hours);
}

public static class SlaNamedCases
{
    private static readonly ServiceTarget FourHours = new(240, TargetUnit.Minutes);
    private static readonly ServiceTarget OneDay = new(450, TargetUnit.Minutes);
    private static IReadOnlyDictionary<int, ServiceTarget> P4(ServiceTarget target) => new Dictionary<int, ServiceTarget> { [4] = target };

    public static readonly IReadOnlyList<SlaCase> All =
    [
        new("created outside working hours starts counting at 09:00", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [new("2026-11-23 07:00", SlaStep.Create)], Now: "2026-11-23 10:00",
            ExpectedDue: "2026-11-23 14:00", ClockState.Running, 60),
        new("several intervals in one working day skip the lunch break", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [new("2026-11-23 11:00", SlaStep.Create)], Now: "2026-11-23 12:45",
            ExpectedDue: "2026-11-23 16:00", ClockState.Running, 90),
        new("pause and resume across a night", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [
                new("2026-11-23 16:00", SlaStep.Create), new("2026-11-23 16:10", SlaStep.Start),
                new("2026-11-23 17:00", SlaStep.Hold, HoldReason.AwaitingCaller), new("2026-11-24 10:00", SlaStep.Resume),
            ],
            Now: "2026-11-24 11:00", ExpectedDue: "2026-11-24 14:00", ClockState.Running, 120, ExpectedPauses: 1),
        new("pause and resume across a weekend", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [
                new("2026-11-27 15:00", SlaStep.Create), new("2026-11-27 16:00", SlaStep.Hold, HoldReason.AwaitingVendor),
                new("2026-11-30 11:00", SlaStep.Resume),
            ],
            Now: "2026-11-30 12:00", ExpectedDue: "2026-11-30 15:00", ClockState.Running, 120, ExpectedPauses: 1),
        new("holidays and the weekend are skipped while the clock runs", SlaCalendars.Office, ClockKind.Resolution, P4(OneDay),
            [new("2026-12-24 16:00", SlaStep.Create)], Now: "2026-12-29 10:00",
            ExpectedDue: "2026-12-29 16:00", ClockState.Running, 150),
        new("pause and resume across holidays", SlaCalendars.Office, ClockKind.Resolution, P4(OneDay),
            [
                new("2026-12-24 16:00", SlaStep.Create), new("2026-12-24 17:00", SlaStep.Hold, HoldReason.AwaitingCaller),
                new("2026-12-29 09:00", SlaStep.Resume),
            ],
            Now: "2026-12-29 10:00", ExpectedDue: "2026-12-29 16:30", ClockState.Running, 120, ExpectedPauses: 1),
        new("a target in business days is that many working days", SlaCalendars.Office, ClockKind.Resolution,
            P4(new ServiceTarget(2, TargetUnit.BusinessDays)),
            [new("2026-11-25 10:00", SlaStep.Create)], Now: "2026-11-26 12:00",
            ExpectedDue: "2026-11-27 10:00", ClockState.Running, 570),
        new("the clocks go forward over a weekend (GMT to BST)", SlaCalendars.Office, ClockKind.Resolution, P4(OneDay),
            [new("2026-03-27 15:30", SlaStep.Create)], Now: "2026-03-30 09:30",
            ExpectedDue: "2026-03-30 15:30", ClockState.Running, 150),
        new("the clocks go back over a weekend (BST to GMT)", SlaCalendars.Office, ClockKind.Resolution, P4(OneDay),
            [new("2026-10-23 15:30", SlaStep.Create)], Now: "2026-10-26 09:30",
            ExpectedDue: "2026-10-26 15:30", ClockState.Running, 150),
        new("the clocks go forward inside working hours: the lost hour does not count", SlaCalendars.NightOps, ClockKind.Resolution, P4(FourHours),
            [new("2026-03-29 00:00", SlaStep.Create)], Now: "2026-03-29 03:00",
            ExpectedDue: "2026-03-29 05:00", ClockState.Running, 120),
        new("the clocks go back inside working hours: the repeated hour counts", SlaCalendars.NightOps, ClockKind.Resolution, P4(FourHours),
            [new("2026-10-25 00:00", SlaStep.Create)], Now: "2026-10-25 02:00",
            ExpectedDue: "2026-10-25 03:00", ClockState.Running, 180),
        new("a priority change recomputes the clock from its start", SlaCalendars.Office, ClockKind.Resolution,
            new Dictionary<int, ServiceTarget> { [4] = new(2, TargetUnit.BusinessDays), [2] = FourHours },
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 10:00", SlaStep.ChangePriority, Priority: 2)],
            Now: "2026-11-23 11:00", ExpectedDue: "2026-11-23 14:00", ClockState.Running, 120),
        new("reopening resumes the resolution clock where it stopped", SlaCalendars.Office, ClockKind.Resolution, P4(OneDay),
            [
                new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 09:30", SlaStep.Start),
                new("2026-11-23 11:00", SlaStep.Resolve), new("2026-11-24 10:00", SlaStep.Reopen),
            ],
            Now: "2026-11-24 11:00", ExpectedDue: "2026-11-24 16:30", ClockState.Running, 180, ExpectedPauses: 1),
        new("resolved exactly at the deadline is met", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 09:10", SlaStep.Start), new("2026-11-23 14:00", SlaStep.Resolve)],
            Now: "2026-11-23 15:00", ExpectedDue: "2026-11-23 14:00", ClockState.Met, 240),
        new("resolved one minute late is breached", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 09:10", SlaStep.Start), new("2026-11-23 14:01", SlaStep.Resolve)],
            Now: "2026-11-23 15:00", ExpectedDue: "2026-11-23 14:00", ClockState.Breached, 241),
        new("resolved after hours on the evening it was due is met (no business time passed)", SlaCalendars.Office, ClockKind.Resolution, P4(OneDay),
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 09:10", SlaStep.Start), new("2026-11-23 18:00", SlaStep.Resolve)],
            Now: "2026-11-23 19:00", ExpectedDue: "2026-11-23 17:30", ClockState.Met, 450),
        new("a clock past its target is breached while still running", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [new("2026-11-23 09:00", SlaStep.Create)], Now: "2026-11-23 14:30",
            ExpectedDue: "2026-11-23 14:00", ClockState.Breached, 270),
        new("several pauses add up", SlaCalendars.Office, ClockKind.Resolution, P4(OneDay),
            [
                new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 10:00", SlaStep.Hold, HoldReason.AwaitingCaller),
                new("2026-11-23 11:00", SlaStep.Resume), new("2026-11-23 12:00", SlaStep.Hold, HoldReason.AwaitingVendor),
                new("2026-11-24 09:30", SlaStep.Resume), new("2026-11-24 10:30", SlaStep.Hold, HoldReason.AwaitingCaller),
                new("2026-11-24 14:00", SlaStep.Resume),
            ],
            Now: "2026-11-24 15:00", ExpectedDue: "2026-11-25 10:00", ClockState.Running, 240, ExpectedPauses: 3),
        new("a hold reason the policy does not pause on keeps the clock running", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 10:00", SlaStep.Hold, HoldReason.AwaitingChange)],
            Now: "2026-11-23 11:00", ExpectedDue: "2026-11-23 14:00", ClockState.Running, 120),
        new("on hold now: the clock is paused and due moves out from now", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 10:00", SlaStep.Hold, HoldReason.AwaitingCaller)],
            Now: "2026-11-23 16:00", ExpectedDue: "2026-11-24 10:30", ClockState.Paused, 60, ExpectedPauses: 1),
        new("24×7 counts every minute, pauses excepted", SlaCalendars.AroundTheClock, ClockKind.Resolution, P4(FourHours),
            [
                new("2026-11-28 22:00", SlaStep.Create), new("2026-11-29 00:00", SlaStep.Hold, HoldReason.AwaitingCaller),
                new("2026-11-29 01:30", SlaStep.Resume),
            ],
            Now: "2026-11-29 02:00", ExpectedDue: "2026-11-29 03:30", ClockState.Running, 150, ExpectedPauses: 1),
        new("the response clock stops at the first public reply", SlaCalendars.Office, ClockKind.Response,
            P4(new ServiceTarget(60, TargetUnit.Minutes)),
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 09:45", SlaStep.Reply)],
            Now: "2026-11-23 12:00", ExpectedDue: "2026-11-23 10:00", ClockState.Met, 45),
        new("the response clock breaches when work starts late", SlaCalendars.Office, ClockKind.Response,
            P4(new ServiceTarget(60, TargetUnit.Minutes)),
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 10:30", SlaStep.Start)],
            Now: "2026-11-23 12:00", ExpectedDue: "2026-11-23 10:00", ClockState.Breached, 90),
        new("a cancelled item's clock is cancelled, even past its target", SlaCalendars.Office, ClockKind.Resolution, P4(FourHours),
            [new("2026-11-23 09:00", SlaStep.Create), new("2026-11-23 15:00", SlaStep.Cancel)],
            Now: "2026-11-23 16:00", ExpectedDue: "2026-11-23 14:00", ClockState.Cancelled, 300),
    ];
}
