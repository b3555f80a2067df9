namespace Keel.Domain.Changes;

/// <summary>
/// What a change adds to its work item (kind Change): type, plans, schedule, risk and review. One row per change,
/// keyed by the work item; the item's <c>Version</c> guards edits of both.
/// </summary>
public sealed class ChangeRecord
{
    public const int PlanMaxLength = 20_000;

    public Guid WorkItemId { get; set; }
    public ChangeType Type { get; set; } = ChangeType.Normal;

    /// <summary>The pre-approved template a standard change was raised from.</summary>
    public Guid? TemplateId { get; set; }

    public string Reason { get; set; } = "";
    public string ImplementationPlan { get; set; } = "";
    public string BackoutPlan { get; set; } = "";
    public string TestPlan { get; set; } = "";

    public DateTime? PlannedStart { get; set; }
    public DateTime? PlannedEnd { get; set; }
    public DateTime? ActualStart { get; set; }
    public DateTime? ActualEnd { get; set; }

    /// <summary>Set by the risk assessment; null until assessed.</summary>
    public RiskLevel? Risk { get; set; }

    public int? RiskScore { get; set; }

    /// <summary>The questionnaire's answers (JSON object: question key → answer key).</summary>
    public string? RiskAnswers { get; set; }

    /// <summary>Why the score is what it is (JSON array of lines), shown on the record.</summary>
    public string? RiskExplanation { get; set; }

    /// <summary>Who was asked to authorize it, fixed when it entered Authorize (null before).</summary>
    public ChangeAuthority? Authority { get; set; }

    /// <summary>The approvals that authorize it, out of those asked (fixed with <see cref="Authority"/>).</summary>
    public int? Quorum { get; set; }

    /// <summary>Why the change was scheduled into a freeze window anyway; required to do so, and audited.</summary>
    public string? FreezeOverride { get; set; }

    public ReviewOutcome? ReviewOutcome { get; set; }
    public string? ReviewNote { get; set; }
}

/// <summary>A configuration item or a service a change touches; <see cref="FromImpact"/> when impact analysis added it.</summary>
public sealed class ChangeTarget
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ChangeId { get; set; }
    public Guid? ConfigurationItemId { get; set; }
    public Guid? ServiceId { get; set; }
    public bool FromImpact { get; set; }
}

/// <summary>A pre-approved recipe for a standard change (ServiceNow's standard change catalogue).</summary>
public sealed class ChangeTemplate : Platform.IVersioned
{
    public const int NameMaxLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public Guid ServiceId { get; set; }
    public string ImplementationPlan { get; set; } = "";
    public string BackoutPlan { get; set; } = "";
    public string TestPlan { get; set; } = "";
    public bool Active { get; set; } = true;
    public long Version { get; set; }
}
