using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>Who asks for a move: the person the work is for, the people who do it, or Keel itself (approvals, tasks, timers).</summary>
public enum Mover
{
    Requester,
    Agent,
    System,
}

/// <summary>One allowed move and who may make it.</summary>
public sealed record WorkflowStep(WorkState From, WorkState To, params Mover[] By);

/// <summary>The states of one kind of work and the moves between them; an illegal move is an error, never a silent change.</summary>
public sealed class Workflow(WorkKind kind, WorkState initial, IReadOnlyList<WorkflowStep> steps)
{
    public WorkKind Kind { get; } = kind;
    public WorkState Initial { get; } = initial;
    public IReadOnlyList<WorkflowStep> Steps { get; } = steps;

    public IReadOnlyList<WorkState> States { get; } =
        steps.SelectMany(s => new[] { s.From, s.To }).Prepend(initial).Distinct().ToArray();

    /// <summary>The states reachable from <paramref name="from"/> by <paramref name="mover"/>, in the order the workflow lists them.</summary>
    public IReadOnlyList<WorkState> AllowedFrom(WorkState from, Mover mover) =>
        Steps.Where(s => s.From == from && (mover == Mover.System || s.By.Contains(mover))).Select(s => s.To).ToArray();

    public bool Uses(WorkState state) => States.Contains(state);

    /// <summary>A state with no way out: the work is over.</summary>
    public bool IsFinal(WorkState state) => Steps.All(s => s.From != state);

    public Error? Check(WorkState from, WorkState to, Mover mover) =>
        AllowedFrom(from, mover).Contains(to)
            ? null
            : Error.IllegalTransition(from.ToString(), to.ToString(), AllowedFrom(from, mover).Select(s => s.ToString()).ToArray());
}
