using Keel.Domain.Balance;
using Keel.Domain.Platform;

namespace Keel.Domain.Work;

/// <summary>
/// The one table of work (incidents, requests, tasks, problems, changes). Its state moves only through
/// <see cref="Transition"/>, which checks the kind's <see cref="Workflow"/> and writes the history.
/// </summary>
public sealed partial class WorkItem : IVersioned
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int CategoryMaxLength = 100;
    public const int NoteMaxLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public WorkKind Kind { get; set; }

    /// <summary>INC0000001, REQ…; see <see cref="WorkNumber"/>.</summary>
    public string Number { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>Markdown; sanitized when rendered.</summary>
    public string Description { get; set; } = "";

    public Guid ServiceId { get; set; }
    public Guid? ConfigurationItemId { get; set; }
    public string? Category { get; set; }

    /// <summary>Who raised it; for requests, <see cref="RequestedForId"/> may name someone else.</summary>
    public Guid RequesterId { get; set; }

    public Guid? RequestedForId { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? AssigneeId { get; set; }
    public int ReassignmentCount { get; set; }

    public int Impact { get; set; } = 3;
    public int Urgency { get; set; } = 3;

    /// <summary>1 (critical) … 4 (low), from <see cref="PriorityMatrix"/>.</summary>
    public int Priority { get; set; } = 4;

    public WorkState State { get; set; }
    public HoldReason? HoldReason { get; set; }
    public ResolutionCode? ResolutionCode { get; set; }
    public string? ResolutionNote { get; set; }

    public InvestmentCategory InvestmentCategory { get; set; } = InvestmentCategory.Run;
    public ValueChainActivity ValueChainActivity { get; set; } = ValueChainActivity.DeliverAndSupport;

    /// <summary>Someone chose the category by hand: <see cref="Classify"/> leaves it alone until it is reset.</summary>
    public bool InvestmentCategoryByHand { get; set; }

    /// <summary>Someone chose the value-chain activity by hand: state changes no longer move it.</summary>
    public bool ValueChainActivityByHand { get; set; }

    /// <summary>The initiative (project, epic) this work delivers, if any.</summary>
    public Guid? InitiativeId { get; set; }

    /// <summary>A problem or change that pays down a technical-debt item (kept by the debt register).</summary>
    public bool RemediatesDebt { get; set; }

    /// <summary>A child incident's parent, a task's request.</summary>
    public Guid? ParentId { get; set; }

    /// <summary>Set when this item was merged into its original as a duplicate.</summary>
    public Guid? DuplicateOfId { get; set; }

    public Guid? CatalogItemId { get; set; }

    /// <summary>A request's validated form answers (JSON object).</summary>
    public string? Answers { get; set; }

    /// <summary>A fulfilment task's place in its request's sequence (tasks of the same order run side by side).</summary>
    public int? TaskOrder { get; set; }

    public bool IsMajor { get; set; }

    /// <summary>The source system's number when imported (a re-import matches on it).</summary>
    public string? ExternalNumber { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? FirstRespondedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public int ReopenCount { get; set; }

    /// <summary>Kept by the service-level tracker from the item's clocks, so lists filter and sort by time to breach.</summary>
    public ServiceLevels.SlaStatus? SlaStatus { get; set; }

    public DateTime? SlaDueAt { get; set; }

    public long Version { get; set; }

    /// <summary>History lines added since the item was loaded; EF saves them with the item.</summary>
    public List<WorkEvent> Events { get; set; } = [];

    public Workflow Workflow => Workflows.For(Kind);

    public bool IsOpen => Workflows.IsOpen(Kind, State);
}
