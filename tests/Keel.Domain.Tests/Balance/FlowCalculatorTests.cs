using Keel.Domain.Balance;
using Keel.Domain.Work;
using static Keel.Domain.Work.WorkState;

namespace Keel.Domain.Tests.Balance;

public sealed class FlowCalculatorTests
{
    private static readonly DateTime T0 = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime AsOf = T0.AddDays(30);

    /// <summary>Onboarding: submitted → approved → fulfilment started → fulfilled.</summary>
    private static readonly IReadOnlyList<FlowStep> Onboarding =
    [
        new("Approve", ValueChainActivity.Engage, FlowMilestone.Created, FlowMilestone.Enter(Approved)),
        new("Prepare", ValueChainActivity.Engage, FlowMilestone.Enter(Approved), FlowMilestone.Enter(InFulfilment)),
        new("Fulfil", ValueChainActivity.DeliverAndSupport, FlowMilestone.Enter(InFulfilment), FlowMilestone.Enter(Fulfilled)),
    ];

    private static readonly IReadOnlyList<FlowStep> Restore =
    [
        new("Triage", ValueChainActivity.Engage, FlowMilestone.Created, FlowMilestone.Enter(InProgress)),
        new("Fix", ValueChainActivity.DeliverAndSupport, FlowMilestone.Enter(InProgress), FlowMilestone.Enter(Resolved)),
    ];

    private static FlowEvent Created(double hours, WorkState state = Submitted) => FlowEvent.Creation(T0.AddHours(hours), state);

    private static FlowEvent To(double hours, WorkState state) => FlowEvent.Move(T0.AddHours(hours), state);

    [Fact]
    public void Calculate_FullPath_TimesEachStepAndTheWaitsBetween()
    {
        var flow = FlowCalculator.Calculate(WorkKind.Request, Onboarding,
            [Created(0), To(1, AwaitingApproval), To(5, Approved), To(8, InFulfilment), To(20, Fulfilled), To(30, Closed)], AsOf);

        flow.Steps.Select(s => s.Duration?.TotalHours).ShouldBe([5.0, 3.0, 12.0]);
        flow.WaitsBefore.Select(w => w?.TotalHours).ShouldBe([null, 0.0, 0.0]);
        flow.Lead!.Value.TotalHours.ShouldBe(20);
        flow.Touch.TotalHours.ShouldBe(12); // only InFulfilment is work; submitted, awaiting approval and approved are waiting
        flow.Efficiency!.Value.ShouldBe(0.6, 1e-9);
    }

    [Fact]
    public void Calculate_GapBetweenSteps_IsTheWaitBeforeTheNextStep()
    {
        IReadOnlyList<FlowStep> steps =
        [
            new("Approve", ValueChainActivity.Engage, FlowMilestone.Created, FlowMilestone.Enter(Approved)),
            new("Fulfil", ValueChainActivity.DeliverAndSupport, FlowMilestone.Enter(InFulfilment), FlowMilestone.Enter(Fulfilled)),
        ];

        var flow = FlowCalculator.Calculate(WorkKind.Request, steps,
            [Created(0), To(1, AwaitingApproval), To(4, Approved), To(10, InFulfilment), To(12, Fulfilled)], AsOf);

        flow.WaitsBefore[1]!.Value.TotalHours.ShouldBe(6);
        flow.Lead!.Value.TotalHours.ShouldBe(12);
    }

    [Fact]
    public void Calculate_OnHold_IsWaitNotTouch()
    {
        var flow = FlowCalculator.Calculate(WorkKind.Incident, Restore,
            [Created(0, New), To(2, InProgress), To(3, OnHold), To(7, InProgress), To(8, Resolved)], AsOf);

        flow.Lead!.Value.TotalHours.ShouldBe(8);
        flow.Touch.TotalHours.ShouldBe(2);
        flow.Efficiency!.Value.ShouldBe(0.25, 1e-9);
    }

    [Fact]
    public void Calculate_NoApproval_SkipsTheStepsItNeverWentThrough()
    {
        // Requests of a catalogue item without approval go straight to fulfilment.
        var flow = FlowCalculator.Calculate(WorkKind.Request, Onboarding, [Created(0), To(2, InFulfilment), To(6, Fulfilled)], AsOf);

        flow.Steps[0].Skipped.ShouldBeTrue();
        flow.Steps[1].Skipped.ShouldBeTrue();
        flow.Steps[2].Duration!.Value.TotalHours.ShouldBe(4);
        flow.Start.ShouldBe(T0); // still timed from its submission
        flow.Lead!.Value.TotalHours.ShouldBe(6);
    }

    [Fact]
    public void Calculate_StartedNotEnded_IsInProgressInThatStep()
    {
        var flow = FlowCalculator.Calculate(WorkKind.Request, Onboarding,
            [Created(0), To(1, AwaitingApproval), To(5, Approved), To(8, InFulfilment)], AsOf);

        flow.Finished.ShouldBeFalse();
        flow.Started.ShouldBeTrue();
        flow.Steps[2].Start.ShouldBe(T0.AddHours(8));
        flow.Steps[2].End.ShouldBeNull();
        flow.Touch.ShouldBe(AsOf - T0.AddHours(8)); // still being fulfilled at the as-of time
    }

    [Fact]
    public void Calculate_Reopened_FinishesAtTheLastResolutionAndReworkCountsInTheLastStep()
    {
        var flow = FlowCalculator.Calculate(WorkKind.Incident, Restore,
            [Created(0, New), To(1, InProgress), To(3, Resolved), To(10, InProgress), To(12, Resolved), To(40, Closed)], AsOf);

        flow.Finish.ShouldBe(T0.AddHours(12));
        flow.Steps[1].Duration!.Value.TotalHours.ShouldBe(11);
        flow.Touch.TotalHours.ShouldBe(4);
    }

    [Fact]
    public void Calculate_ReopenedNotResolvedAgain_IsUnfinished()
    {
        var flow = FlowCalculator.Calculate(WorkKind.Incident, Restore,
            [Created(0, New), To(1, InProgress), To(3, Resolved), To(10, InProgress)], AsOf);

        flow.Finished.ShouldBeFalse();
        flow.Steps[1].End.ShouldBeNull();
    }

    [Fact]
    public void Calculate_HistoryAfterAsOf_IsIgnored()
    {
        var flow = FlowCalculator.Calculate(WorkKind.Incident, Restore,
            [Created(0, New), To(1, InProgress), To(3, Resolved)], T0.AddHours(2));

        flow.Finished.ShouldBeFalse();
        flow.Touch.TotalHours.ShouldBe(1);
    }

    [Fact]
    public void Calculate_NeverReachedTheFirstMilestone_IsNotStarted()
    {
        IReadOnlyList<FlowStep> steps =
        [
            new("Work", ValueChainActivity.DeliverAndSupport, FlowMilestone.Enter(InProgress), FlowMilestone.Enter(Resolved)),
            new("Close", ValueChainActivity.DeliverAndSupport, FlowMilestone.Enter(Resolved), FlowMilestone.Enter(Closed)),
        ];

        var flow = FlowCalculator.Calculate(WorkKind.Incident, steps, [Created(0, New)], AsOf);

        flow.Started.ShouldBeFalse();
        flow.Touch.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Calculate_EventsOutOfOrder_AreOrderedByTime()
    {
        var flow = FlowCalculator.Calculate(WorkKind.Incident, Restore, [To(3, Resolved), To(1, InProgress), Created(0, New)], AsOf);

        flow.Lead!.Value.TotalHours.ShouldBe(3);
    }

    [Fact]
    public void Calculate_CancelledBeforeTheEnd_AbandonedNotInProgress()
    {
        var flow = FlowCalculator.Calculate(WorkKind.Incident, Restore, [Created(0, New), To(1, InProgress), To(3, Cancelled)], AsOf);

        flow.Finished.ShouldBeFalse();
        flow.Abandoned.ShouldBe(T0.AddHours(3));
        flow.Touch.TotalHours.ShouldBe(2);
    }

    [Fact]
    public void Calculate_RejectedThenClosed_AbandonedNotFinished()
    {
        IReadOnlyList<FlowStep> steps =
        [
            new("Approve", ValueChainActivity.Engage, FlowMilestone.Created, FlowMilestone.Enter(InFulfilment)),
            new("Close", ValueChainActivity.Engage, FlowMilestone.Enter(Fulfilled), FlowMilestone.Enter(Closed)),
        ];

        var flow = FlowCalculator.Calculate(WorkKind.Request, steps, [Created(0), To(1, AwaitingApproval), To(5, Rejected), To(9, Closed)], AsOf);

        flow.Finished.ShouldBeFalse();
        flow.Abandoned.ShouldBe(T0.AddHours(5));
    }
}
