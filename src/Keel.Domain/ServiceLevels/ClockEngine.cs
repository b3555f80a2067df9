using Keel.Domain.Work;

namespace Keel.Domain.ServiceLevels;

/// <summary>
/// Computes a clock from the item's history and a business calendar, from scratch each time, so that any reading can be
/// recomputed and explained. The rules (API.md):
/// <list type="bullet">
/// <item>Only business time counts; the clock runs from creation, paused while the item waits in a pause state or on
/// hold for a pausing reason.</item>
/// <item>A clock is breached as soon as its business time passes the target, even while it still runs; stopping
/// exactly at the target is met.</item>
/// <item>The response clock stops for good at the first response (or when the item reaches a stop state first).</item>
/// <item>The resolution clock stops in a stop state; reopening resumes it where it stopped, and the time spent
/// stopped counts as a pause.</item>
/// <item>A cancelled item's clocks are cancelled.</item>
/// <item>The target is the current one: a priority change recomputes the clock from its start.</item>
/// </list>
/// </summary>
public static class ClockEngine
{
    private static readonly TimeSpan BreachStep = TimeSpan.FromSeconds(1);

    private enum Phase
    {
        Running,
        Paused,
        Stopped,
        Cancelled,
    }

    private sealed record Point(DateTime At, Phase Phase, string? Reason);

    public static ClockReading Read(ClockTerms terms, ClockHistory history, BusinessClock calendar, DateTime now)
    {
        var target = terms.Target;
        var points = Points(terms, history, now);
        var elapsed = TimeSpan.Zero;
        DateTime? reachedAt = null;
        var pauses = new List<ClockPause>();
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var end = i + 1 < points.Count ? points[i + 1].At : now;
            if (point.Phase == Phase.Running)
            {
                var length = calendar.Between(point.At, end);
                if (reachedAt is null && elapsed + length >= target)
                {
                    reachedAt = calendar.Add(point.At, target - elapsed);
                }
                elapsed += length;
            }
            else if (point.Phase == Phase.Paused || (i + 1 < points.Count && points[i + 1].Phase != Phase.Cancelled))
            {
                // A stop the item came back from (a reopen) counts as a pause; the final stop does not.
                pauses.Add(new ClockPause(point.At, i + 1 < points.Count ? end : null, point.Reason!));
            }
        }

        var last = points[^1];
        var stoppedAt = last.Phase is Phase.Stopped or Phase.Cancelled ? last.At : (DateTime?)null;
        var remaining = target - elapsed;
        var state = last.Phase == Phase.Cancelled ? ClockState.Cancelled
            : remaining < TimeSpan.Zero ? ClockState.Breached
            : last.Phase == Phase.Stopped ? ClockState.Met
            : last.Phase == Phase.Paused ? ClockState.Paused
            : ClockState.Running;
        var dueAt = reachedAt ?? calendar.Add(stoppedAt ?? now, remaining);
        var warning = terms.WarningPercents.Where(p => Passed(elapsed, target, p)).Select(p => (int?)p).Max();
        var nextCheck = last.Phase == Phase.Running && remaining >= TimeSpan.Zero
            ? NextCheck(terms, calendar, now, elapsed, remaining)
            : (DateTime?)null;
        return new ClockReading(state, history.CreatedAt, dueAt, stoppedAt, elapsed, remaining, warning, pauses, nextCheck);
    }

    /// <summary>The clock's phase from creation on, one point per change of phase or pause reason, none after now.</summary>
    private static List<Point> Points(ClockTerms terms, ClockHistory history, DateTime now)
    {
        var moves = new List<(DateTime At, WorkState State, HoldReason? Reason)> { (history.CreatedAt, history.InitialState, null) };
        moves.AddRange(history.Changes.Where(c => c.At <= now).OrderBy(c => c.At)
            .Select(c => (c.At < history.CreatedAt ? history.CreatedAt : c.At, c.To, c.HoldReason)));

        var points = new List<Point>();
        var responded = terms.Kind == ClockKind.Response && history.FirstRespondedAt is { } first && first <= now
            ? first < history.CreatedAt ? history.CreatedAt : first
            : (DateTime?)null;
        foreach (var (at, state, reason) in moves)
        {
            if (responded is { } r && r <= at && !Stopped(points))
            {
                Add(points, new Point(r, Phase.Stopped, "Responded"));
            }
            var point = PointFor(terms, at, state, reason);
            if (terms.Kind == ClockKind.Response && Stopped(points) && point.Phase != Phase.Cancelled)
            {
                continue; // the response clock never resumes
            }
            Add(points, point);
        }
        if (responded is { } late && !Stopped(points))
        {
            Add(points, new Point(late, Phase.Stopped, "Responded"));
        }
        return points;
    }

    private static Point PointFor(ClockTerms terms, DateTime at, WorkState state, HoldReason? reason)
    {
        if (state == WorkState.Cancelled)
        {
            return new Point(at, Phase.Cancelled, state.ToString());
        }
        if (terms.StopStates.Contains(state))
        {
            return new Point(at, Phase.Stopped, state.ToString());
        }
        if (terms.PauseStates.Contains(state))
        {
            return new Point(at, Phase.Paused, state.ToString());
        }
        return state == WorkState.OnHold && reason is { } hold && terms.PauseReasons.Contains(hold)
            ? new Point(at, Phase.Paused, hold.ToString())
            : new Point(at, Phase.Running, null);
    }

    private static bool Stopped(List<Point> points) => points.Count > 0 && points[^1].Phase is Phase.Stopped or Phase.Cancelled;

    /// <summary>Adds a point unless it changes nothing; a later point at the same instant replaces the earlier one.</summary>
    private static void Add(List<Point> points, Point point)
    {
        if (points.Count > 0 && points[^1].At == point.At)
        {
            points.RemoveAt(points.Count - 1);
        }
        // One stop lasts until the item comes back (Resolved then Closed is one stop, at the time it was resolved).
        if (points.Count > 0 && points[^1].Phase == point.Phase
            && (points[^1].Reason == point.Reason || point.Phase == Phase.Stopped))
        {
            return;
        }
        points.Add(point);
    }

    private static bool Passed(TimeSpan elapsed, TimeSpan target, int percent) =>
        elapsed.Ticks * 100 >= target.Ticks * (long)percent;

    /// <summary>When a running clock next passes a warning threshold, or breaches (just after its target runs out).</summary>
    private static DateTime NextCheck(ClockTerms terms, BusinessClock calendar, DateTime now, TimeSpan elapsed, TimeSpan remaining)
    {
        var target = terms.Target;
        foreach (var percent in terms.WarningPercents.Where(p => p < 100).Order())
        {
            if (!Passed(elapsed, target, percent))
            {
                return calendar.Add(now, TimeSpan.FromTicks(target.Ticks * percent / 100) - elapsed);
            }
        }
        return calendar.Add(now, remaining + BreachStep);
    }
}
