using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Domain.Problems;

/// <summary>
/// What a problem adds to its work item (kind Problem): the root cause, the workaround the desk can apply meanwhile,
/// and when it became a known error. One row per problem, keyed by the work item; the item's <c>Version</c> guards both.
/// Incidents are linked to their problem by a <see cref="WorkLinkType.CausedBy"/> link from the incident to the problem.
/// </summary>
public sealed class ProblemRecord
{
    public const int TextMaxLength = 20_000;

    public Guid WorkItemId { get; set; }

    /// <summary>Markdown; required to resolve the problem.</summary>
    public string? RootCause { get; set; }

    /// <summary>Markdown; required to record the problem as a known error.</summary>
    public string? Workaround { get; set; }

    /// <summary>When the problem first became a known error (kept if it is later resolved).</summary>
    public DateTime? KnownErrorAt { get; set; }

    /// <summary>The candidate this problem was accepted from, if any.</summary>
    public Guid? CandidateId { get; set; }

    public bool HasWorkaround => !string.IsNullOrWhiteSpace(Workaround);

    public void Validate(FieldErrors errors)
    {
        errors.Optional("rootCause", RootCause, TextMaxLength);
        errors.Optional("workaround", Workaround, TextMaxLength);
    }

    /// <summary>
    /// What a move of the problem to <paramref name="to"/> needs from this record, checked after the workflow allowed
    /// the move: a known error has a workaround the desk can apply; a resolved problem has a known root cause.
    /// </summary>
    public Error? CheckMove(WorkState to)
    {
        var errors = new FieldErrors();
        if (to == WorkState.KnownError && !HasWorkaround)
        {
            errors.Add("workaround", "is required to record a known error: describe how the desk works around it.");
        }
        if (to == WorkState.Resolved && string.IsNullOrWhiteSpace(RootCause))
        {
            errors.Add("rootCause", "is required to resolve a problem.");
        }
        return errors.Any ? errors.ToError() : null;
    }

    /// <summary>Records the moment the problem became a known error, once.</summary>
    public void Moved(WorkState to, DateTime now)
    {
        if (to == WorkState.KnownError)
        {
            KnownErrorAt ??= now;
        }
    }

    /// <summary>Whether the desk is offered this problem's workaround on matching incidents.</summary>
    public static bool IsSuggested(WorkState state, bool hasWorkaround) =>
        state == WorkState.KnownError || (state == WorkState.Resolved && hasWorkaround);
}

/// <summary>
/// A known error as the knowledge base would publish it: the problem's title, its workaround and its service.
/// </summary>
public sealed record KnownErrorContent(string Number, string Title, string Workaround, string? RootCause, Guid ServiceId)
{
    /// <summary>The content of a known error, or null when the problem has no workaround to publish.</summary>
    public static KnownErrorContent? Of(WorkItem problem, ProblemRecord record) =>
        problem.Kind == WorkKind.Problem && record.HasWorkaround
            ? new KnownErrorContent(problem.Number, problem.Title, record.Workaround!, record.RootCause, problem.ServiceId)
            : null;
}
