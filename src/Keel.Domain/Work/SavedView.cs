using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>
/// A named queue with its filters and sort ("My P1s on Payroll"), kept by an agent for themselves or shared with one
/// of their teams. <see cref="Filter"/> is a versioned JSON document, checked when saved and read defensively.
/// </summary>
public sealed class SavedView : IAudited, IVersioned
{
    public const int NameMaxLength = 100;
    public const int FilterMaxLength = 4000;

    /// <summary>Enough for any desk; keeps a person's list short and bounded.</summary>
    public const int MaxPerOwner = 100;

    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public Guid OwnerId { get; set; }

    /// <summary>The team it is shared with; null for a personal view.</summary>
    public Guid? TeamId { get; set; }

    public required string Filter { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
}

/// <summary>The view a person's workspace opens with; at most one per person.</summary>
public sealed class DefaultSavedView
{
    public Guid UserId { get; set; }
    public Guid SavedViewId { get; set; }
}

/// <summary>Who sees, changes and deletes a saved view.</summary>
public static class SavedViewRules
{
    /// <summary>Its owner, and the members of the team it is shared with.</summary>
    public static bool CanSee(SavedView view, Guid me, IReadOnlyCollection<Guid> myTeams) =>
        view.OwnerId == me || (view.TeamId is { } team && myTeams.Contains(team));

    /// <summary>Only the owner renames it, changes its filters or its sharing: a shared view is still its author's.</summary>
    public static bool CanChange(SavedView view, Guid me) => view.OwnerId == me;

    /// <summary>The owner; for a shared view also the lead of its team and admins, who tidy a team's list.</summary>
    public static bool CanDelete(SavedView view, Guid me, IReadOnlyCollection<Guid> teamsILead, bool isAdmin) =>
        view.OwnerId == me || (view.TeamId is { } team && (isAdmin || teamsILead.Contains(team)));

    public static void Validate(SavedView view, FieldErrors errors) => errors.Required("name", view.Name, NameMaxLength);

    private const int NameMaxLength = SavedView.NameMaxLength;
}
