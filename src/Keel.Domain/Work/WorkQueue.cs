namespace Keel.Domain.Work;

/// <summary>The agent's queues: what is on my plate, my teams', nobody's yet, and what waits for someone else.</summary>
public enum WorkQueue
{
    Mine,
    MyTeams,
    Unassigned,
    Waiting,

    /// <summary>Open major incidents, whoever holds them (incidents only).</summary>
    Major,

    /// <summary>Open work past the last warning threshold of a service-level clock, or breached: soonest due first.</summary>
    BreachingSoon,
}
