namespace Keel.Domain.Work;

/// <summary>The agent's queues: what is on my plate, my teams', nobody's yet, and what waits for someone else.</summary>
public enum WorkQueue
{
    Mine,
    MyTeams,
    Unassigned,
    Waiting,
}
