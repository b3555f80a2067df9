using System.Linq.Expressions;

namespace Keel.Domain.Work;

/// <summary>The key moments of an incident's life, as its timeline shows them.</summary>
public enum TimelineMoment
{
    Raised,
    DeclaredMajor,
    StoodDown,
    StateChanged,
    Assigned,
    StakeholderUpdate,
    ChildLinked,
    DuplicateMerged,
    PublicReply,
    Resolved,
    Closed,
}

/// <summary>
/// Which history lines are key moments of an incident (a major incident's timeline is computed from its history, not
/// kept by hand): raised, declared major or stood down, moves, assignments, stakeholder updates, public replies,
/// duplicates merged in, and its child incidents being raised.
/// </summary>
public static class IncidentTimeline
{
    /// <summary>
    /// Which lines of an incident's own history are key moments (of field changes only major, team and assignee; the
    /// rest is detail for the history): the one rule, used in SQL by the timeline query and in memory by <see cref="MomentOf"/>.
    /// </summary>
    public static readonly Expression<Func<WorkEvent, bool>> IsKeyLine = e =>
        e.Type == WorkEventType.Created || e.Type == WorkEventType.StateChanged || e.Type == WorkEventType.UpdateSent
        || (e.Type == WorkEventType.Commented && !e.Internal) || (e.Type == WorkEventType.Merged && e.From != null)
        || (e.Type == WorkEventType.FieldChanged && (e.Field == MajorIncident.Field || e.Field == "team" || e.Field == "assignee"));

    private static readonly Func<WorkEvent, bool> KeyLine = IsKeyLine.Compile();

    /// <param name="line">A line of the incident's history, or the Created line of one of its children.</param>
    /// <param name="ofChild">The line belongs to a child incident.</param>
    public static TimelineMoment? MomentOf(WorkEvent line, bool ofChild)
    {
        if (ofChild)
        {
            return line.Type == WorkEventType.Created ? TimelineMoment.ChildLinked : null;
        }
        if (!KeyLine(line))
        {
            return null;
        }
        return line.Type switch
        {
            WorkEventType.Created => TimelineMoment.Raised,
            WorkEventType.StateChanged => line.To switch
            {
                nameof(WorkState.Resolved) => TimelineMoment.Resolved,
                nameof(WorkState.Closed) or nameof(WorkState.Cancelled) => TimelineMoment.Closed,
                _ => TimelineMoment.StateChanged,
            },
            WorkEventType.FieldChanged when line.Field == MajorIncident.Field =>
                string.Equals(line.To, bool.TrueString, StringComparison.OrdinalIgnoreCase) ? TimelineMoment.DeclaredMajor : TimelineMoment.StoodDown,
            WorkEventType.FieldChanged => TimelineMoment.Assigned,
            WorkEventType.UpdateSent => TimelineMoment.StakeholderUpdate,
            WorkEventType.Commented => TimelineMoment.PublicReply,
            _ => TimelineMoment.DuplicateMerged,
        };
    }
}
