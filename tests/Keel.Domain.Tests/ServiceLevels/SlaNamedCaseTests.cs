using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;
using Keel.Tests.Shared.ServiceLevels;

namespace Keel.Domain.Tests.ServiceLevels;

/// <summary>The named cases, through the pure engine.</summary>
public sealed class SlaNamedCaseTests
{
    public static TheoryData<string> Names() => [.. SlaNamedCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Engine_NamedCase_GivesTheExpectedClock(string name)
    {
        var @case = SlaNamedCases.All.Single(c => c.Name == name);
        var hours = SlaCalendars.Get(@case.Calendar);
        var reading = Read(@case, hours);

        SlaCaseTimes.ToLocal(reading.DueAt, hours.TimeZone).ShouldBe(@case.ExpectedDue, "due");
        reading.State.ShouldBe(@case.ExpectedState);
        reading.ElapsedMinutes.ShouldBe(@case.ExpectedElapsedMinutes, "elapsed");
        reading.Pauses.Count.ShouldBe(@case.ExpectedPauses, "pauses");
    }

    [Fact]
    public void Engine_BreachedByOneMinute_ShowsMinusOneRemaining()
    {
        var @case = SlaNamedCases.All.Single(c => c.Name == "resolved one minute late is breached");

        Read(@case, SlaCalendars.Get(@case.Calendar)).RemainingMinutes.ShouldBe(-1);
    }

    [Fact]
    public void Engine_Reopened_NamesTheResolvedStretchAsAPause()
    {
        var @case = SlaNamedCases.All.Single(c => c.Name.StartsWith("reopening", StringComparison.Ordinal));
        var hours = SlaCalendars.Get(@case.Calendar);

        var pause = Read(@case, hours).Pauses.ShouldHaveSingleItem();

        pause.Reason.ShouldBe("Resolved");
        SlaCaseTimes.ToLocal(pause.From, hours.TimeZone).ShouldBe("2026-11-23 11:00");
        SlaCaseTimes.ToLocal(pause.To!.Value, hours.TimeZone).ShouldBe("2026-11-24 10:00");
    }

    private static ClockReading Read(SlaCase @case, CalendarHours hours)
    {
        var (history, priority) = History(@case, hours.TimeZone);
        var terms = new ClockTerms(
            @case.Clock.ToString(), @case.Clock, @case.Targets[priority].MinutesOn(hours), ServiceLevelPolicy.DefaultWarnings,
            new HashSet<HoldReason> { HoldReason.AwaitingCaller, HoldReason.AwaitingVendor },
            new HashSet<WorkState> { WorkState.AwaitingApproval }, ServiceLevelPolicy.DefaultStopStates().ToHashSet());
        return ClockEngine.Read(terms, history, new BusinessClock(hours), SlaCaseTimes.ToUtc(@case.Now, hours.TimeZone));
    }

    /// <summary>The case's events as the item's history would hold them, and the priority it ends with.</summary>
    private static (ClockHistory History, int Priority) History(SlaCase @case, string zone)
    {
        var priority = 4;
        var changes = new List<StateChange>();
        DateTime? responded = null;
        foreach (var e in @case.Events.Skip(1))
        {
            var at = SlaCaseTimes.ToUtc(e.At, zone);
            switch (e.Step)
            {
                case SlaStep.Start or SlaStep.Resume:
                    changes.Add(new StateChange(at, WorkState.InProgress));
                    responded ??= at;
                    break;
                case SlaStep.Reopen:
                    changes.Add(new StateChange(at, WorkState.InProgress));
                    break;
                case SlaStep.Hold:
                    changes.Add(new StateChange(at, WorkState.OnHold, e.Reason));
                    break;
                case SlaStep.Resolve:
                    changes.Add(new StateChange(at, WorkState.Resolved));
                    break;
                case SlaStep.Cancel:
                    changes.Add(new StateChange(at, WorkState.Cancelled));
                    break;
                case SlaStep.Reply:
                    responded ??= at;
                    break;
                case SlaStep.ChangePriority:
                    priority = e.Priority!.Value;
                    break;
            }
        }
        var created = SlaCaseTimes.ToUtc(@case.Events[0].At, zone);
        return (new ClockHistory(created, WorkState.New, changes, responded), priority);
    }
}

public sealed class ClockHistoryTests
{
    [Fact]
    public void From_UnsavedLineAtTheSameInstantAsASavedOne_ComesAfterIt()
    {
        var at = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        WorkEvent[] lines =
        [
            new() { Id = 0, At = at, Type = WorkEventType.StateChanged, From = "InProgress", To = "Resolved" },
            new() { Id = 7, At = at, Type = WorkEventType.StateChanged, From = "New", To = "InProgress" },
            new() { Id = 6, At = at.AddMinutes(-5), Type = WorkEventType.Created, To = "New" },
        ];

        ClockHistory.From(lines, null).Changes.Select(c => c.To).ShouldBe([WorkState.InProgress, WorkState.Resolved]);
    }
}
