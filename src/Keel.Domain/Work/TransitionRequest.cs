namespace Keel.Domain.Work;

/// <summary>A move to <see cref="To"/> with the fields that move needs (API.md: OnHold needs a hold reason, Resolved a code and a note).</summary>
public sealed record TransitionRequest(
    WorkState To,
    HoldReason? HoldReason = null,
    ResolutionCode? ResolutionCode = null,
    string? ResolutionNote = null,
    string? Reason = null);

/// <summary>Who moves the item, when, and the rules in force.</summary>
public sealed record TransitionContext(Guid? ActorId, Mover Mover, DateTime Now, TimeSpan ReopenWindow);
