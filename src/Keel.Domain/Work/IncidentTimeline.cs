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
    /// <summary>The changed fields that are key moments; every other field change is detail for the history.</summary>
    public static readonly IReadOnlyList<string> KeyFields = [MajorIncident.Field, "team", "assignee"];

    /// <param name="line">A line of the incident's history, or the Created line of one of its children.</param>
    /// <param name="ofChild">The line belongs to a child incident.</param>
    public static TimelineMoment? MomentOf(WorkEvent line, bool ofChild)
    {
        if (ofChild)
        {
            return line.Type == WorkEventType.Created ? TimelineMoment.ChildLinked : null;
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
            WorkEventType.FieldChanged when line.Field is "team" or "assignee" => TimelineMoment.Assigned,
            WorkEventType.UpdateSent => TimelineMoment.StakeholderUpdate,
            WorkEventType.Commented when !line.Internal => TimelineMoment.PublicReply,
            WorkEventType.Merged when line.From is not null => TimelineMoment.DuplicateMerged,
            _ => null,
        };
    }
}
