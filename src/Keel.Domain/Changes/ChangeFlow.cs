using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Domain.Changes;

/// <summary>
/// What the change workflow adds to <see cref="Workflows.Change"/> by type and by field: a standard change is
/// pre-authorized (Draft → Scheduled, never through Assess and Authorize), the others must go through them;
/// authorizing and scheduling need the planned window; closing a review needs its outcome (and a note when it failed).
/// </summary>
public static class ChangeFlow
{
    /// <summary>The workflow's moves from <paramref name="from"/> that this type of change may make.</summary>
    public static IReadOnlyList<WorkState> Allowed(ChangeType type, WorkState from, Mover mover) =>
        Workflows.Change.AllowedFrom(from, mover).Where(to => Fits(type, from, to)).ToArray();

    private static bool Fits(ChangeType type, WorkState from, WorkState to) => (from, to) switch
    {
        (WorkState.Draft, WorkState.Scheduled) => type == ChangeType.Standard,
        (WorkState.Draft, WorkState.Assess) => type != ChangeType.Standard,
        _ => true,
    };

    /// <summary>Null when the move fits the change; otherwise the illegal-transition or field error, and nothing changes.</summary>
    public static Error? Check(ChangeRecord change, WorkState from, WorkState to, Mover mover)
    {
        if (Workflows.Change.Uses(to) && !Allowed(change.Type, from, mover).Contains(to))
        {
            return Error.IllegalTransition(from.ToString(), to.ToString(), Allowed(change.Type, from, mover).Select(s => s.ToString()).ToArray());
        }
        var errors = new FieldErrors();
        if (to is WorkState.Authorize or WorkState.Scheduled)
        {
            if (change.PlannedStart is null)
            {
                errors.Add("plannedStart", "is required before the change is authorized or scheduled.");
            }
            if (change.PlannedEnd is null)
            {
                errors.Add("plannedEnd", "is required before the change is authorized or scheduled.");
            }
        }
        if (from == WorkState.Review && to == WorkState.Closed)
        {
            if (change.ReviewOutcome is null)
            {
                errors.Add("reviewOutcome", $"is required to close the review ({string.Join(", ", Enum.GetNames<ReviewOutcome>())}).");
            }
            else if (change.ReviewOutcome.Value.IsFailure() && string.IsNullOrWhiteSpace(change.ReviewNote))
            {
                errors.Add("reviewNote", "is required when the change failed or was backed out: say what happened.");
            }
        }
        return errors.Any ? errors.ToError() : null;
    }

    /// <summary>Implementing starts the actual window, reviewing ends it.</summary>
    public static void Apply(ChangeRecord change, WorkState to, DateTime now)
    {
        if (to == WorkState.Implement)
        {
            change.ActualStart = now;
        }
        if (to == WorkState.Review)
        {
            change.ActualEnd = now;
            change.ActualStart ??= now;
        }
    }

    /// <summary>The plans, schedule, targets and answers are edited while the change is drafted or assessed, not once authorized.</summary>
    public static bool IsEditable(WorkState state) => state is WorkState.Draft or WorkState.Assess;

    /// <summary>The review is recorded while the change is in review.</summary>
    public static bool IsReviewable(WorkState state) => state == WorkState.Review;

    public static bool IsFailure(this ReviewOutcome outcome) => outcome is ReviewOutcome.Failed or ReviewOutcome.BackedOut;

    /// <summary>Validates a planned window: both or neither, the end after the start.</summary>
    public static void ValidateSchedule(DateTime? start, DateTime? end, FieldErrors errors)
    {
        if (start is { } s && end is { } e && e <= s)
        {
            errors.Add("plannedEnd", "must be after the planned start.");
        }
        else if (start is null != end is null)
        {
            errors.Add(start is null ? "plannedStart" : "plannedEnd", "is required with the other end of the planned window.");
        }
    }
}
