using Keel.Domain.Balance;
using Keel.Domain.Work;
using static Keel.Domain.Work.WorkState;

namespace Keel.Domain.Tests.Balance;

public sealed class FlowAccumulatorTests
{
    private static readonly DateTime From = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = From.AddDays(14);

    private static readonly IReadOnlyList<FlowStep> Restore =
    [
        new("Triage", ValueChainActivity.Engage, FlowMilestone.Created, FlowMilestone.Enter(InProgress)),
        new("Fix", ValueChainActivity.DeliverAndSupport, FlowMilestone.Enter(InProgress), FlowMilestone.Enter(Resolved)),
    ];

    /// <summary>An incident created at <paramref name="day"/> (days from the period start), picked up after one hour, resolved after <paramref name="leadHours"/>.</summary>
    private static ItemFlow Incident(double day, double? leadHours)
    {
        var created = From.AddDays(day);
        List<FlowEvent> history = [FlowEvent.Creation(created, New), FlowEvent.Move(created.AddHours(1), InProgress)];
        if (leadHours is { } lead)
        {
            history.Add(FlowEvent.Move(created.AddHours(lead), Resolved));
        }
        return FlowCalculator.Calculate(WorkKind.Incident, Restore, history, To);
    }

    [Fact]
    public void Figures_FinishedItems_MedianP85AndThroughput()
    {
        var acc = new FlowAccumulator(Restore, From, To);
        foreach (var lead in new[] { 2.0, 4, 6, 8, 10 })
        {
            acc.Add(Incident(1, lead));
        }

        var figures = acc.Figures();

        figures.Finished.ShouldBe(5);
        figures.MedianLeadHours.ShouldBe(6);
        figures.P85LeadHours!.Value.ShouldBe(8.8, 1e-9); // rank 0.85 × 4 = 3.4 → 8 + 0.4 × 2
        figures.ThroughputPerWeek.ShouldBe(2.5);
        figures.Steps[0].MedianHours.ShouldBe(1);
        figures.Steps[1].MedianHours.ShouldBe(5);
        figures.Steps[1].MedianWaitBeforeHours.ShouldBe(0);
        figures.MeanFlowEfficiency!.Value.ShouldBe(new[] { 1 / 2.0, 3 / 4.0, 5 / 6.0, 7 / 8.0, 9 / 10.0 }.Average(), 1e-9);
    }

    [Fact]
    public void Figures_UnfinishedAtPeriodEnd_CountAsWorkInProgressNotThroughput()
    {
        var acc = new FlowAccumulator(Restore, From, To);
        acc.Add(Incident(13, null)); // open for the last day
        acc.Add(Incident(7, null)); // open for the last week
        acc.Add(Incident(1, 24));

        var figures = acc.Figures();

        figures.WorkInProgress.ShouldBe(2);
        figures.Finished.ShouldBe(1);
        figures.AverageWorkInProgress.ShouldBe((24 + 7 * 24 + 24.0) / (14 * 24), 1e-9);
    }

    [Fact]
    public void Figures_Cancelled_LeavesTheStreamNotWorkInProgress()
    {
        var acc = new FlowAccumulator(Restore, From, To);
        acc.Add(FlowCalculator.Calculate(WorkKind.Incident, Restore,
            [FlowEvent.Creation(From.AddDays(1), New), FlowEvent.Move(From.AddDays(2), Cancelled)], To));

        var figures = acc.Figures();

        (figures.WorkInProgress, figures.Finished, figures.Abandoned).ShouldBe((0, 0, 1));
        figures.AverageWorkInProgress.ShouldBe(24.0 / (14 * 24), 1e-9);
    }

    [Fact]
    public void Figures_FinishedBeforeThePeriod_AreLeftOut()
    {
        var acc = new FlowAccumulator(Restore, From, To);
        var early = FlowCalculator.Calculate(WorkKind.Incident, Restore,
            [FlowEvent.Creation(From.AddDays(-5), New), FlowEvent.Move(From.AddDays(-4), InProgress), FlowEvent.Move(From.AddDays(-3), Resolved)], To);
        acc.Add(early);

        var figures = acc.Figures();

        figures.Finished.ShouldBe(0);
        figures.WorkInProgress.ShouldBe(0);
        figures.AverageWorkInProgress.ShouldBe(0);
        figures.MedianLeadHours.ShouldBeNull();
    }

    [Fact]
    public void Figures_SkippedStep_IsCountedAndLeftOutOfItsMedian()
    {
        var acc = new FlowAccumulator(Restore, From, To);
        acc.Add(Incident(1, 4));
        acc.Add(FlowCalculator.Calculate(WorkKind.Incident, Restore,
            [FlowEvent.Creation(From.AddDays(2), New), FlowEvent.Move(From.AddDays(2).AddHours(3), Resolved)], To)); // resolved at first contact

        var figures = acc.Figures();

        figures.Finished.ShouldBe(2); // resolved without being worked: it reached the end of the stream
        figures.MedianLeadHours.ShouldBe(3.5);
        figures.Steps[0].Passed.ShouldBe(1);
        figures.Steps[0].Skipped.ShouldBe(1);
        figures.Steps[0].MedianHours.ShouldBe(1);
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new[] { 7.0 }, 0.85, 7)]
    [InlineData(new[] { 3.0, 1, 2 }, 0.5, 2)]
    public void Percentile_Interpolates(double[] values, double p, double expected)
    {
        FlowAccumulator.Percentile([.. values], p).ShouldBe(expected);
    }
}
