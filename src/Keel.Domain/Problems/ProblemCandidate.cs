using Keel.Domain.Platform;

namespace Keel.Domain.Problems;

/// <summary>What the incidents of a candidate have in common.</summary>
public enum CandidateGroup
{
    ConfigurationItem,
    Category,
    Service,
}

public enum CandidateState
{
    Open,
    Accepted,
    Dismissed,
}

/// <summary>
/// A proposal, made by the candidate job, that a group of recent incidents share a cause worth a problem. A problem
/// manager accepts it (a problem linked to the incidents is raised, whose record names this candidate) or dismisses it
/// with a reason.
/// </summary>
public sealed class ProblemCandidate : IVersioned
{
    public const int KeyMaxLength = 120;

    public Guid Id { get; set; } = Guid.NewGuid();
    public CandidateGroup Group { get; set; }

    /// <summary>The shared value as text (an id, or the category in lower case): one open candidate per group and key.</summary>
    public string Key { get; set; } = "";

    /// <summary>The service of a service group, or the service most of the incidents are on (the problem's service when accepted).</summary>
    public Guid ServiceId { get; set; }

    public Guid? ConfigurationItemId { get; set; }
    public string? Category { get; set; }
    public CandidateState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The first and last incident of the group when it was last seen.</summary>
    public DateTime FirstIncidentAt { get; set; }

    public DateTime LastIncidentAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
    public string? DismissReason { get; set; }

    public long Version { get; set; }

    public List<ProblemCandidateIncident> Incidents { get; set; } = [];
}

/// <summary>One incident of a candidate.</summary>
public sealed class ProblemCandidateIncident
{
    public Guid CandidateId { get; set; }
    public Guid WorkItemId { get; set; }
}

/// <summary>How many incidents with something in common, within how many days, make a problem candidate (admins tune it).</summary>
public sealed class ProblemSettings : IAudited, IVersioned
{
    public const int DefaultThreshold = 5;
    public const int DefaultWindowDays = 7;
    public const int MaxThreshold = 1000;
    public const int MaxWindowDays = 90;

    /// <summary>There is one row; its id is fixed.</summary>
    public static readonly Guid SingletonId = new("00000000-0000-0000-0000-0000000b0b0b");

    public Guid Id { get; set; } = SingletonId;
    public int CandidateThreshold { get; set; } = DefaultThreshold;
    public int CandidateWindowDays { get; set; } = DefaultWindowDays;
    public long Version { get; set; }

    public TimeSpan Window => TimeSpan.FromDays(CandidateWindowDays);

    public void Validate(FieldErrors errors)
    {
        if (CandidateThreshold is < 2 or > MaxThreshold)
        {
            errors.Add("candidateThreshold", $"must be between 2 and {MaxThreshold} incidents.");
        }
        if (CandidateWindowDays is < 1 or > MaxWindowDays)
        {
            errors.Add("candidateWindowDays", $"must be between 1 and {MaxWindowDays} days.");
        }
    }
}
