using FsCheck;
using FsCheck.Fluent;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Domain.Tests.ServiceLevels;

/// <summary>Invariants of business time and of the clock engine over random calendars and histories.</summary>
public sealed class ClockPropertyTests
{
    private static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Zones = ["UTC", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"];

    private static readonly Gen<CalendarHours> Calendars =
        Gen.Frequency(
            (1, Gen.Constant(CalendarHours.TwentyFourSeven)),
            (5, from zone in Gen.Elements(Zones)
                from days in Gen.ArrayOf(DayHours(), 7)
                from holidays in Gen.ListOf(Gen.Choose(0, 700))
                select Office(zone, days, holidays)));

    /// <summary>0–3 non-overlapping intervals in a day, on a 15-minute grid (a day may have none).</summary>
    private static Gen<WorkingInterval[]> DayHours() =>
        from cuts in Gen.ListOf(Gen.Choose(0, 96))
        select Intervals(cuts.Distinct().Order().Take(6).ToArray());

    private static Gen<DateTime> Instants => Gen.Choose(0, 60 * 24 * 600).Select(m => Origin.AddMinutes(m));

    private static Gen<TimeSpan> Amounts => Gen.Choose(0, 30_000).Select(m => TimeSpan.FromMinutes(m));

    [Fact]
    public void Add_ThenBetween_GivesBackTheAmount()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Calendars.ToArbitrary(), Instants.ToArbitrary(), Amounts.ToArbitrary(), (hours, from, amount) =>
        {
            var clock = new BusinessClock(hours);
            return (clock.Between(from, clock.Add(from, amount)) == amount).Label(Describe(hours));
        }));
    }

    [Fact]
    public void Between_SplitAtAnyInstant_AddsUp()
    {
        var spans = from x in Amounts from y in Amounts select (x, y);
        Check.QuickThrowOnFailure(Prop.ForAll(Calendars.ToArbitrary(), Instants.ToArbitrary(), spans.ToArbitrary(), (hours, a, span) =>
        {
            var (x, y) = span;
            var clock = new BusinessClock(hours);
            var (b, c) = (a + x, a + x + y);
            return (clock.Between(a, b) + clock.Between(b, c) == clock.Between(a, c)).Label(Describe(hours));
        }));
    }

    [Fact]
    public void Between_AnyCalendar_NeverExceedsWallClockTimeAndEqualsItAroundTheClock()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Calendars.ToArbitrary(), Instants.ToArbitrary(), Amounts.ToArbitrary(), (hours, from, wall) =>
        {
            var business = new BusinessClock(hours).Between(from, from + wall);
            return hours.AlwaysOpen ? business == wall : business <= wall;
        }));
    }

    [Fact]
    public void Read_MoreTimePasses_ElapsedNeverShrinksAndABreachStays()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Calendars.ToArbitrary(), Histories.ToArbitrary(), Amounts.ToArbitrary(), (hours, history, later) =>
        {
            var clock = new BusinessClock(hours);
            var now = history.Created.AddMinutes(history.Minutes);
            var before = ClockEngine.Read(Terms(history.Target), history.ToClockHistory(), clock, now);
            var after = ClockEngine.Read(Terms(history.Target), history.ToClockHistory(), clock, now + later);
            return (after.Elapsed >= before.Elapsed
                && (before.State != ClockState.Breached || after.State is ClockState.Breached or ClockState.Cancelled)).Label(history.ToString());
        }));
    }

    [Fact]
    public void Read_AnyHistory_StateAgreesWithElapsedAgainstTarget()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Calendars.ToArbitrary(), Histories.ToArbitrary(), (hours, history) =>
        {
            var now = history.Created.AddMinutes(history.Minutes);
            var reading = ClockEngine.Read(Terms(history.Target), history.ToClockHistory(), new BusinessClock(hours), now);
            var overTarget = reading.Elapsed > TimeSpan.FromMinutes(history.Target);
            var consistent = reading.State switch
            {
                ClockState.Breached => overTarget && reading.RemainingMinutes < 0,
                ClockState.Cancelled => true,
                _ => !overTarget && reading.Remaining >= TimeSpan.Zero,
            };
            return (consistent && reading.Elapsed <= now - history.Created && reading.Pauses.All(p => p.To is null || p.To >= p.From))
                .Label($"{history} → {reading}");
        }));
    }

    [Fact]
    public void Read_AnExtraPause_NeverAddsElapsedTimeNorBringsTheDueTimeForward()
    {
        var withPause =
            from history in Histories
            from at in Gen.Choose(0, history.Minutes)
            from length in Gen.Choose(1, 5000)
            select (history, at, length);
        Check.QuickThrowOnFailure(Prop.ForAll(Calendars.ToArbitrary(), withPause.ToArbitrary(), (hours, x) =>
        {
            var clock = new BusinessClock(hours);
            var now = x.history.Created.AddMinutes(x.history.Minutes + x.length);
            var plain = ClockEngine.Read(Terms(x.history.Target), x.history.ToClockHistory(), clock, now);
            var paused = ClockEngine.Read(Terms(x.history.Target), x.history.WithPause(x.at, x.length).ToClockHistory(), clock, now);
            var comparable = plain.State is ClockState.Running or ClockState.Paused && paused.State is ClockState.Running or ClockState.Paused;
            return (paused.Elapsed <= plain.Elapsed && (!comparable || paused.DueAt >= plain.DueAt)).Label($"{Describe(hours)} {x.history} pause at +{x.at} for {x.length}");
        }));
    }

    [Fact]
    public void Read_StoppedExactlyAtTheDueTime_IsMetAndOneMinuteLaterIsBreached()
    {
        Check.QuickThrowOnFailure(Prop.ForAll(Calendars.ToArbitrary(), Instants.ToArbitrary(), Gen.Choose(1, 5000).ToArbitrary(), (hours, created, target) =>
        {
            var clock = new BusinessClock(hours);
            var due = clock.Add(created, TimeSpan.FromMinutes(target));
            var late = clock.Add(due, TimeSpan.FromMinutes(1));
            ClockState StateIfResolvedAt(DateTime at) => ClockEngine.Read(
                Terms(target), new ClockHistory(created, WorkState.New, [new StateChange(at, WorkState.Resolved)], null), clock, late.AddDays(1)).State;
            return (StateIfResolvedAt(due) == ClockState.Met && StateIfResolvedAt(late) == ClockState.Breached).Label(Describe(hours));
        }));
    }

    private static ClockTerms Terms(int targetMinutes) => new(
        "Resolution", ClockKind.Resolution, targetMinutes, ServiceLevelPolicy.DefaultWarnings,
        new HashSet<HoldReason> { HoldReason.AwaitingCaller, HoldReason.AwaitingVendor },
        new HashSet<WorkState> { WorkState.AwaitingApproval }, ServiceLevelPolicy.DefaultStopStates().ToHashSet());

    /// <summary>An incident's moves, as minutes after creation, and the minutes after creation at which it is read.</summary>
    private sealed record RandomHistory(DateTime Created, int Target, (int After, WorkState To, HoldReason? Reason)[] Moves, int Minutes)
    {
        public ClockHistory ToClockHistory() => new(
            Created, WorkState.New, [.. Moves.OrderBy(m => m.After).Select(m => new StateChange(Created.AddMinutes(m.After), m.To, m.Reason))], null);

        /// <summary>The same history with the item put on hold (awaiting the caller) for a while and then taken up again.</summary>
        public RandomHistory WithPause(int at, int length)
        {
            var before = Moves.Where(m => m.After < at).ToList();
            var after = Moves.Where(m => m.After >= at + length).ToList();
            var atStart = StateBefore(at);
            var atEnd = StateBefore(at + length);
            var stillWaiting = atStart.To is WorkState.OnHold or WorkState.Resolved or WorkState.Cancelled;
            return stillWaiting ? this : this with
            {
                Moves = [.. before, (at, WorkState.OnHold, HoldReason.AwaitingCaller), (at + length, atEnd.To, atEnd.Reason), .. after],
            };
        }

        private (int After, WorkState To, HoldReason? Reason) StateBefore(int minute) =>
            Moves.Where(m => m.After < minute).OrderBy(m => m.After).LastOrDefault((0, WorkState.InProgress, null));

        public override string ToString() =>
            $"created {Created:u} target {Target} read at +{Minutes}: {string.Join(", ", Moves.OrderBy(m => m.After).Select(m => $"+{m.After} {m.To} {m.Reason}"))}";
    }

    private static readonly Gen<(WorkState, HoldReason?)> Moves = Gen.Elements<(WorkState, HoldReason?)>(
        (WorkState.InProgress, null), (WorkState.OnHold, HoldReason.AwaitingCaller), (WorkState.OnHold, HoldReason.AwaitingVendor),
        (WorkState.OnHold, HoldReason.AwaitingChange), (WorkState.Resolved, null), (WorkState.Cancelled, null));

    private static Gen<RandomHistory> Histories =>
        from created in Instants
        from target in Gen.Choose(1, 5000)
        from moves in Gen.ListOf(from after in Gen.Choose(0, 20_000) from move in Moves select (after, move.Item1, move.Item2))
        from minutes in Gen.Choose(0, 25_000)
        select new RandomHistory(created, target, UpToCancellation(moves.DistinctBy(m => m.after)), minutes);

    /// <summary>Nothing happens to a cancelled item.</summary>
    private static (int, WorkState, HoldReason?)[] UpToCancellation(IEnumerable<(int After, WorkState To, HoldReason? Reason)> moves)
    {
        var ordered = moves.OrderBy(m => m.After).ToList();
        var cancelled = ordered.FindIndex(m => m.To == WorkState.Cancelled);
        return [.. cancelled < 0 ? ordered : ordered.Take(cancelled + 1)];
    }

    private static CalendarHours Office(string zone, WorkingInterval[][] days, IEnumerable<int> holidays)
    {
        if (days.All(d => d.Length == 0))
        {
            days[1] = [new WorkingInterval(9 * 60, 17 * 60)];
        }
        return new CalendarHours
        {
            TimeZone = zone,
            Week = Enum.GetValues<DayOfWeek>().ToDictionary(d => d, d => (IReadOnlyList<WorkingInterval>)days[(int)d]),
            Holidays = [.. holidays.Distinct().Select(d => new Holiday(DateOnly.FromDateTime(Origin).AddDays(d), "Holiday"))],
        };
    }

    /// <summary>Pairs of sorted cut points on a quarter-hour grid become intervals: [c0, c1), [c2, c3)...</summary>
    private static WorkingInterval[] Intervals(int[] cuts) =>
        [.. cuts.Chunk(2).Where(pair => pair.Length == 2).Select(pair => new WorkingInterval(pair[0] * 15, pair[1] * 15))];

    private static string Describe(CalendarHours hours) => hours.AlwaysOpen
        ? "24×7"
        : $"{hours.TimeZone} {string.Join(" ", hours.Week.Select(d => $"{d.Key}:{string.Join(",", d.Value)}"))} holidays:{hours.Holidays.Count}";
}
