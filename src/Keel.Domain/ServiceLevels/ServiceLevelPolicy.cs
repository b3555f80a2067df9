using Keel.Domain.Platform;
using Keel.Domain.Work;

namespace Keel.Domain.ServiceLevels;

/// <summary>An agreement with customers (SLA) or an internal target between teams on tasks (OLA).</summary>
public enum Agreement
{
    Sla,
    Ola,
}

/// <summary>What happens when a clock breaches, besides notifying the assignee and the team.</summary>
public enum Escalation
{
    None,
    NotifyTeamLead,
    ReassignToTeam,
}

/// <summary>The facts about an item that policies match on.</summary>
public sealed record PolicySubject(WorkKind Kind, Guid ServiceId, int Priority, Guid? BusinessUnitId, Guid? TeamId)
{
    /// <param name="item">The item.</param>
    /// <param name="businessUnitId">The business unit of the person the item is for.</param>
    public static PolicySubject Of(WorkItem item, Guid? businessUnitId) =>
        new(item.Kind, item.ServiceId, item.Priority, businessUnitId, item.TeamId);

    /// <summary>Tasks are timed by OLAs, everything else by SLAs.</summary>
    public Agreement Agreement => Kind == WorkKind.Task ? Agreement.Ola : Agreement.Sla;
}

/// <summary>
/// Targets for the items it matches. Policies are tried in <see cref="Order"/>; the first active one whose conditions
/// all hold applies (an empty condition matches anything), one SLA and one OLA at most per item.
/// </summary>
public sealed class ServiceLevelPolicy : IAudited, IVersioned
{
    public const int NameMaxLength = 120;
    public static readonly IReadOnlyList<int> DefaultWarnings = [50, 75];

    public Guid Id { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "";
    public Agreement Agreement { get; set; }
    public int Order { get; set; }
    public bool IsActive { get; set; } = true;

    public List<WorkKind> Kinds { get; set; } = [];
    public Guid? ServiceId { get; set; }
    public List<int> Priorities { get; set; } = [];
    public Guid? BusinessUnitId { get; set; }

    /// <summary>For an OLA, the team whose tasks it times.</summary>
    public Guid? TeamId { get; set; }

    public Guid CalendarId { get; set; }
    public ServiceTarget? Response { get; set; }
    public ServiceTarget? Resolution { get; set; }
    public List<int> WarningPercents { get; set; } = [.. DefaultWarnings];
    public List<HoldReason> PauseReasons { get; set; } = [HoldReason.AwaitingCaller, HoldReason.AwaitingVendor];
    public List<WorkState> PauseStates { get; set; } = [WorkState.AwaitingApproval];
    public List<WorkState> StopStates { get; set; } = DefaultStopStates();

    public Escalation Escalation { get; set; } = Escalation.NotifyTeamLead;

    /// <summary>The team that takes a breached item when <see cref="Escalation"/> is <see cref="Escalation.ReassignToTeam"/>.</summary>
    public Guid? EscalationTeamId { get; set; }

    public long Version { get; set; }

    public static List<WorkState> DefaultStopStates() =>
        [WorkState.Resolved, WorkState.Fulfilled, WorkState.Done, WorkState.Rejected, WorkState.Closed];

    public bool Matches(PolicySubject item) =>
        IsActive
        && (Kinds.Count == 0 || Kinds.Contains(item.Kind))
        && (ServiceId is null || ServiceId == item.ServiceId)
        && (Priorities.Count == 0 || Priorities.Contains(item.Priority))
        && (BusinessUnitId is null || BusinessUnitId == item.BusinessUnitId)
        && (TeamId is null || TeamId == item.TeamId)
        && (Agreement == Agreement.Sla ? item.Kind != WorkKind.Task : item.Kind == WorkKind.Task);

    /// <summary>The first matching policy of the agreement in order, or null.</summary>
    public static ServiceLevelPolicy? Pick(IEnumerable<ServiceLevelPolicy> policies, Agreement agreement, PolicySubject item) =>
        policies.Where(p => p.Agreement == agreement).OrderBy(p => p.Order).ThenBy(p => p.Name, StringComparer.Ordinal)
            .FirstOrDefault(p => p.Matches(item));

    /// <summary>The clocks this policy runs on a calendar: response (SLA only) and resolution, for those with a target.</summary>
    public IEnumerable<ClockTerms> Terms(CalendarHours hours)
    {
        var warnings = WarningPercents.Order().ToList();
        var pauseReasons = PauseReasons.ToHashSet();
        var pauseStates = PauseStates.ToHashSet();
        var stopStates = StopStates.ToHashSet();
        if (Response is { } response && Agreement == Agreement.Sla)
        {
            yield return new ClockTerms("Response", ClockKind.Response, response.MinutesOn(hours), warnings, pauseReasons, pauseStates, stopStates);
        }
        if (Resolution is { } resolution)
        {
            var name = Agreement == Agreement.Ola ? "Task completion (OLA)" : "Resolution";
            yield return new ClockTerms(name, ClockKind.Resolution, resolution.MinutesOn(hours), warnings, pauseReasons, pauseStates, stopStates);
        }
    }

    /// <summary>
    /// Checks what can be checked without the database (references are checked by the use case). A policy that could
    /// never match an item is refused rather than kept silently idle.
    /// </summary>
    public void Validate(FieldErrors errors)
    {
        errors.Required("name", Name, NameMaxLength);
        if (Agreement == Agreement.Sla && Kinds.Contains(WorkKind.Task))
        {
            errors.Add("kinds", "an SLA times incidents, requests, problems or changes; tasks get OLAs.");
        }
        if (Agreement == Agreement.Ola && Kinds.Any(k => k != WorkKind.Task))
        {
            errors.Add("kinds", "an OLA times tasks only.");
        }
        if (Agreement == Agreement.Ola && TeamId is null)
        {
            errors.Add("teamId", "an OLA names the team whose tasks it times.");
        }
        if (Agreement == Agreement.Sla && TeamId is not null)
        {
            errors.Add("teamId", "only an OLA matches on a team.");
        }
        if (Priorities.Any(p => p is < 1 or > 4))
        {
            errors.Add("priorities", "must be between 1 and 4.");
        }
        if (Response is null && Resolution is null)
        {
            errors.Add("resolution", "a policy needs a response or a resolution target.");
        }
        if (Agreement == Agreement.Ola && Response is not null)
        {
            errors.Add("response", "an OLA has a completion target only (use resolution).");
        }
        Response?.Validate("response", errors);
        Resolution?.Validate("resolution", errors);
        if (WarningPercents.Any(p => p is < 1 or > 99) || WarningPercents.Distinct().Count() != WarningPercents.Count)
        {
            errors.Add("warningPercents", "each must be a different whole percentage between 1 and 99.");
        }
        if (StopStates.Count == 0)
        {
            errors.Add("stopStates", "at least one state must stop the clock.");
        }
        if (PauseStates.Intersect(StopStates).Any() || PauseStates.Contains(WorkState.Cancelled) || StopStates.Contains(WorkState.Cancelled))
        {
            errors.Add("pauseStates", "a state cannot both pause and stop the clock, and Cancelled always cancels it.");
        }
        if (Escalation == Escalation.ReassignToTeam && EscalationTeamId is null)
        {
            errors.Add("escalationTeamId", "is required to reassign on breach.");
        }
    }
}
