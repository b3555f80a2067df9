namespace Keel.Domain.Balance;

/// <summary>A step's figures over the items that finished in the period: median time in it, median wait before it.</summary>
public sealed record StepFigures(string Name, ValueChainActivity Activity, int Passed, int Skipped, double? MedianHours, double? MedianWaitBeforeHours);

/// <summary>
/// A stream's flow over [from, to): lead time (median, 85th percentile) and mean flow efficiency of the items that
/// finished in it, throughput (finished per week), work in progress at the end and on average (item-time in the stream
/// over the period's length, Little's law), the items cancelled or rejected on the way, and each step's figures.
/// </summary>
public sealed record FlowFigures(
    DateTime From,
    DateTime To,
    int Finished,
    double? MedianLeadHours,
    double? P85LeadHours,
    double? MedianTouchHours,
    double? MeanFlowEfficiency,
    double ThroughputPerWeek,
    int WorkInProgress,
    double AverageWorkInProgress,
    int Abandoned,
    IReadOnlyList<StepFigures> Steps);

/// <summary>
/// Folds items' flows into a period's <see cref="FlowFigures"/> one item at a time, so a reader can stream history: it
/// keeps a few numbers per finished item, never the history itself.
/// </summary>
public sealed class FlowAccumulator(IReadOnlyList<FlowStep> steps, DateTime from, DateTime to)
{
    private readonly List<double> _leads = [];
    private readonly List<double> _touches = [];
    private readonly List<double> _efficiencies = [];
    private readonly List<double>[] _inStep = [.. steps.Select(_ => new List<double>())];
    private readonly List<double>[] _waits = [.. steps.Select(_ => new List<double>())];
    private readonly int[] _skipped = new int[steps.Count];
    private int _wip;
    private int _abandoned;
    private double _itemHours;

    public void Add(ItemFlow flow)
    {
        if (flow.Start is not { } start || start >= to)
        {
            return;
        }
        var left = flow.Finish ?? flow.Abandoned;
        var until = left is { } l && l < to ? l : to;
        if (until > from)
        {
            _itemHours += (until - (start > from ? start : from)).TotalHours;
        }
        if (flow.Abandoned is { } abandoned && abandoned < to)
        {
            _abandoned += abandoned >= from ? 1 : 0;
            return;
        }
        if (flow.Finish is not { } finish || finish >= to)
        {
            _wip++;
            return;
        }
        if (finish < from)
        {
            return;
        }
        _leads.Add(flow.Lead!.Value.TotalHours);
        _touches.Add(flow.Touch.TotalHours);
        if (flow.Efficiency is { } efficiency)
        {
            _efficiencies.Add(efficiency);
        }
        for (var k = 0; k < steps.Count; k++)
        {
            if (flow.Steps[k].Duration is { } inStep)
            {
                _inStep[k].Add(inStep.TotalHours);
            }
            else
            {
                _skipped[k]++;
            }
            if (flow.WaitsBefore[k] is { } wait)
            {
                _waits[k].Add(wait.TotalHours);
            }
        }
    }

    public FlowFigures Figures()
    {
        var weeks = (to - from).TotalDays / 7;
        var hours = (to - from).TotalHours;
        return new FlowFigures(
            from, to, _leads.Count,
            Percentile(_leads, 0.5), Percentile(_leads, 0.85), Percentile(_touches, 0.5),
            _efficiencies.Count == 0 ? null : _efficiencies.Average(),
            weeks > 0 ? _leads.Count / weeks : 0,
            _wip,
            hours > 0 ? _itemHours / hours : 0,
            _abandoned,
            [.. steps.Select((s, k) => new StepFigures(s.Name, s.Activity, _inStep[k].Count, _skipped[k], Percentile(_inStep[k], 0.5),
                k == 0 ? null : Percentile(_waits[k], 0.5)))]);
    }

    /// <summary>The p-quantile by linear interpolation between closest ranks (the median of 1, 2, 3, 4 is 2.5); null for none.</summary>
    public static double? Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return null;
        }
        values.Sort();
        var rank = p * (values.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, values.Count - 1);
        return values[low] + (values[high] - values[low]) * (rank - low);
    }
}
