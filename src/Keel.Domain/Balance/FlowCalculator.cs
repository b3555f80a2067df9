using Keel.Domain.Work;

namespace Keel.Domain.Balance;

/// <summary>One step of one item: when it started and ended; both null when the item skipped it, End null while in it.</summary>
public sealed record StepFlow(DateTime? Start, DateTime? End)
{
    public bool Skipped => Start is null;

    public TimeSpan? Duration => Start is { } s && End is { } e ? e - s : null;
}

/// <summary>
/// One item's way through a stream. <see cref="WaitsBefore"/>[k] is the gap between the end of the last step the item
/// went through before step k and the start of step k (null for the first step and for a skipped step).
/// </summary>
public sealed record ItemFlow(DateTime? Start, DateTime? Finish, IReadOnlyList<StepFlow> Steps, IReadOnlyList<TimeSpan?> WaitsBefore, TimeSpan Touch,
    DateTime? Abandoned = null)
{
    public bool Started => Start is not null;

    public bool Finished => Finish is not null;

    /// <summary>First step's start to last step's end.</summary>
    public TimeSpan? Lead => Start is { } s && Finish is { } f ? f - s : null;

    /// <summary>Touch time over lead time (0–1); null until finished or when it took no time.</summary>
    public double? Efficiency => Lead is { Ticks: > 0 } lead ? Math.Clamp(Touch / lead, 0, 1) : null;
}

/// <summary>
/// Computes one item's flow through a value stream from its history (creation and state changes).
/// <list type="bullet">
/// <item>Steps are matched in order. A step starts at the first occurrence of its start milestone at or after the end of
/// the previous step the item went through (or the creation), and ends at the first occurrence of its end milestone
/// after that start. Two steps may meet at one event (zero wait).</item>
/// <item>Skipping: a step whose start never comes, or whose end never comes while a later step's milestone does, is
/// skipped — it gets no time, and the wait before the next step is measured from the last step the item did go through.
/// A step started but not ended, with nothing later reached, is where the item is now: the item is in progress. An item
/// that reaches the last step's end after skipping the steps before it (an incident resolved without being worked)
/// finishes there.</item>
/// <item>Reopening: when the item leaves the last step's end milestone for an open state (a resolved incident is
/// reopened), it is not finished any more; it finishes again at the next occurrence, and the rework counts in the last
/// step. Earlier steps keep their first pass.</item>
/// <item>Lead time runs from the first step start the item reached (even of a step it then skipped: a request without
/// approval is still timed from its submission) to the last step's end; an
/// item that never reaches the last step's end is unfinished (work in progress).</item>
/// <item>Abandoning: an item cancelled or rejected before it reaches the end leaves the stream at that moment; it counts
/// in no lead time or throughput, and is not work in progress after it.</item>
/// <item>Touch time is the time within the lead time spent in a <see cref="TouchStates">working state</see>; everything
/// else (new, queued, awaiting approval, on hold, scheduled, resolved) is waiting. Flow efficiency = touch / lead.</item>
/// </list>
/// Lines after <c>asOf</c> are ignored, so a past period's figures do not move with later history.
/// </summary>
public static class FlowCalculator
{
    /// <summary>
    /// The states in which someone is working on the item: being worked (InProgress), fulfilled (InFulfilment), analysed
    /// (RootCauseAnalysis), assessed, implemented or reviewed (changes). Queues (New, Submitted, Open, Pending, Draft,
    /// Scheduled, Assessed, KnownError), waiting (AwaitingApproval, Approved, Authorize, OnHold) and ends are not touch time.
    /// </summary>
    public static IReadOnlySet<WorkState> TouchStates { get; } = new HashSet<WorkState>
    {
        WorkState.InProgress, WorkState.InFulfilment, WorkState.RootCauseAnalysis, WorkState.Assess, WorkState.Implement, WorkState.Review,
    };

    /// <summary>The states in which an item leaves a stream without finishing it (unless the stream ends there).</summary>
    public static IReadOnlySet<WorkState> AbandonedStates { get; } = new HashSet<WorkState> { WorkState.Cancelled, WorkState.Rejected };

    public static ItemFlow Calculate(WorkKind kind, IReadOnlyList<FlowStep> steps, IEnumerable<FlowEvent> history, DateTime asOf)
    {
        var events = history.Where(e => e.At < asOf).OrderBy(e => e.At).ThenByDescending(e => e.IsCreation).ToList();
        // Nothing after a cancellation or rejection counts (a rejected request is closed, but was never fulfilled).
        var cut = events.FindIndex(e => AbandonedStates.Contains(e.Entered) && !steps.Any(s => s.Start.IsMarkedBy(e) || s.End.IsMarkedBy(e)));
        if (cut >= 0)
        {
            events.RemoveRange(cut + 1, events.Count - cut - 1);
        }
        var result = new StepFlow[steps.Count];
        var waits = new TimeSpan?[steps.Count];
        var cursor = 0;
        DateTime? lastEnd = null;
        DateTime? start = null, finish = null;
        var inStep = false;
        for (var k = 0; k < steps.Count && !inStep; k++)
        {
            result[k] = new StepFlow(null, null);
            var s = IndexOf(events, steps[k].Start, cursor);
            if (s < 0)
            {
                continue;
            }
            start ??= events[s].At;
            var isLast = k == steps.Count - 1;
            var e = IndexOf(events, steps[k].End, s + 1);
            if (e >= 0 && isLast)
            {
                e = FinalEnd(kind, events, steps[k].End, e);
                inStep = e < 0;
            }
            else if (e < 0)
            {
                // Passed through without its end (a later milestone came): skipped. Else the item is in this step now.
                inStep = isLast || !LaterMilestone(events, steps, k + 1, s + 1);
                if (!inStep)
                {
                    continue;
                }
            }
            waits[k] = events[s].At - lastEnd;
            result[k] = new StepFlow(events[s].At, e < 0 ? null : events[e].At);
            if (e >= 0)
            {
                lastEnd = events[e].At;
                cursor = e;
                finish = isLast ? lastEnd : null;
            }
        }
        if (start is not null && finish is null && !inStep)
        {
            // The last steps were skipped but the stream's end was reached (an incident resolved without being worked).
            var end = steps[^1].End;
            var e = IndexOf(events, end, cursor + 1);
            if (e >= 0 && (e = FinalEnd(kind, events, end, e)) >= 0)
            {
                finish = events[e].At;
            }
        }
        // Cancelled or rejected before the end: the item left the stream then (neither finished nor in progress after it).
        DateTime? abandoned = start is not null && finish is null && cut >= 0 ? events[cut].At : null;
        var touch = start is { } from ? TouchTime(events, from, finish ?? abandoned ?? asOf) : TimeSpan.Zero;
        return new ItemFlow(start, finish, result, waits, touch, abandoned);
    }

    private static int IndexOf(List<FlowEvent> events, FlowMilestone milestone, int from)
    {
        for (var i = from; i < events.Count; i++)
        {
            if (milestone.IsMarkedBy(events[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool LaterMilestone(List<FlowEvent> events, IReadOnlyList<FlowStep> steps, int fromStep, int fromEvent) =>
        steps.Skip(fromStep).Any(step => IndexOf(events, step.Start, fromEvent) >= 0 || IndexOf(events, step.End, fromEvent) >= 0);

    /// <summary>The end of the last step after reopens: the last arrival not followed by a move back into open work; -1 when reopened and not finished again.</summary>
    private static int FinalEnd(WorkKind kind, List<FlowEvent> events, FlowMilestone end, int first)
    {
        if (end.Entered is not { } state || Workflows.IsOpen(kind, state))
        {
            return first; // an open state as the end: moving on from it is progress, not a reopen
        }
        var at = first;
        for (var i = first + 1; i < events.Count; i++)
        {
            if (at >= 0 && Workflows.IsOpen(kind, events[i].Entered) && !end.IsMarkedBy(events[i]))
            {
                at = -1;
            }
            else if (at < 0 && end.IsMarkedBy(events[i]))
            {
                at = i;
            }
        }
        return at;
    }

    private static TimeSpan TouchTime(List<FlowEvent> events, DateTime from, DateTime to)
    {
        var touch = TimeSpan.Zero;
        for (var i = 0; i < events.Count; i++)
        {
            if (!TouchStates.Contains(events[i].Entered))
            {
                continue;
            }
            var inFrom = events[i].At > from ? events[i].At : from;
            var inTo = i + 1 < events.Count && events[i + 1].At < to ? events[i + 1].At : to;
            if (inTo > inFrom)
            {
                touch += inTo - inFrom;
            }
        }
        return touch;
    }
}
