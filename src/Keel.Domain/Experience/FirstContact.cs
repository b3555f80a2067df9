namespace Keel.Domain.Experience;

/// <summary>
/// The ticket-level measures of experience, one rule each, so the rollup, the tests and the documentation agree.
/// </summary>
public static class FirstContact
{
    /// <summary>
    /// Resolved at first contact: the first team and person it reached resolved it, without putting it on hold and
    /// without it coming back. Reassignment, a wait on the requester or a reopen each mean it took more than one go.
    /// </summary>
    public static bool Holds(int reassignments, bool everOnHold, int reopens) =>
        reassignments == 0 && !everOnHold && reopens == 0;

    /// <summary>
    /// The requester's effort on one ticket, counted in interactions: raising it is one, each public reply they had to
    /// write is one more, and each time they had to reopen it is one more.
    /// </summary>
    public static int Interactions(int requesterReplies, int reopens) => 1 + requesterReplies + reopens;
}
