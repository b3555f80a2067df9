using Keel.Application.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Application.ServiceLevels;

public sealed record TargetView(int Amount, TargetUnit Unit, string Text);

public sealed record PolicyView(
    Guid Id, string Name, Agreement Agreement, int Order, bool IsActive,
    IReadOnlyList<WorkKind> Kinds, Ref? Service, IReadOnlyList<int> Priorities, Ref? BusinessUnit, Ref? Team, Ref Calendar,
    TargetView? Response, TargetView? Resolution, IReadOnlyList<int> WarningPercents,
    IReadOnlyList<HoldReason> PauseReasons, IReadOnlyList<WorkState> PauseStates, IReadOnlyList<WorkState> StopStates,
    Escalation Escalation, Ref? EscalationTeam, long Version);

public sealed record TargetDraft(int? Amount, TargetUnit? Unit)
{
    public ServiceTarget ToTarget() => new(Amount ?? 0, Unit ?? TargetUnit.Minutes);
}

/// <summary>A new policy, or (as a merge patch) the fields to change; <see cref="Optional{T}"/> tells "absent" from "null".</summary>
public sealed record PolicyDraft(
    Optional<string?> Name = default, Optional<Agreement?> Agreement = default, Optional<int?> Order = default, Optional<bool?> IsActive = default,
    Optional<IReadOnlyList<WorkKind>?> Kinds = default, Optional<Guid?> ServiceId = default, Optional<IReadOnlyList<int>?> Priorities = default,
    Optional<Guid?> BusinessUnitId = default, Optional<Guid?> TeamId = default, Optional<Guid?> CalendarId = default,
    Optional<TargetDraft?> Response = default, Optional<TargetDraft?> Resolution = default, Optional<IReadOnlyList<int>?> WarningPercents = default,
    Optional<IReadOnlyList<HoldReason>?> PauseReasons = default, Optional<IReadOnlyList<WorkState>?> PauseStates = default,
    Optional<IReadOnlyList<WorkState>?> StopStates = default, Optional<Escalation?> Escalation = default, Optional<Guid?> EscalationTeamId = default)
{
    public void ApplyTo(ServiceLevelPolicy p)
    {
        p.Name = Name.IsSet ? Name.Value?.Trim() ?? "" : p.Name;
        p.Agreement = Agreement.IsSet ? Agreement.Value ?? Domain.ServiceLevels.Agreement.Sla : p.Agreement;
        p.Order = Order.IsSet ? Order.Value ?? 0 : p.Order;
        p.IsActive = IsActive.IsSet ? IsActive.Value ?? true : p.IsActive;
        p.Kinds = Kinds.IsSet ? [.. Kinds.Value ?? []] : p.Kinds;
        p.ServiceId = ServiceId.Or(p.ServiceId);
        p.Priorities = Priorities.IsSet ? [.. (Priorities.Value ?? []).Distinct().Order()] : p.Priorities;
        p.BusinessUnitId = BusinessUnitId.Or(p.BusinessUnitId);
        p.TeamId = TeamId.Or(p.TeamId);
        p.CalendarId = CalendarId.IsSet ? CalendarId.Value ?? Guid.Empty : p.CalendarId;
        p.Response = Response.IsSet ? Response.Value?.ToTarget() : p.Response;
        p.Resolution = Resolution.IsSet ? Resolution.Value?.ToTarget() : p.Resolution;
        p.WarningPercents = WarningPercents.IsSet ? [.. (WarningPercents.Value ?? []).Order()] : p.WarningPercents;
        p.PauseReasons = PauseReasons.IsSet ? [.. (PauseReasons.Value ?? []).Distinct()] : p.PauseReasons;
        p.PauseStates = PauseStates.IsSet ? [.. (PauseStates.Value ?? []).Distinct()] : p.PauseStates;
        p.StopStates = StopStates.IsSet ? [.. (StopStates.Value ?? []).Distinct()] : p.StopStates;
        p.Escalation = Escalation.IsSet ? Escalation.Value ?? Domain.ServiceLevels.Escalation.None : p.Escalation;
        p.EscalationTeamId = EscalationTeamId.Or(p.EscalationTeamId);
    }
}

/// <summary>An example item for the editor: when it would be due on a calendar with the given targets.</summary>
public sealed record PreviewRequest(Guid? CalendarId, CalendarHoursDraft? Hours, TargetDraft? Response, TargetDraft? Resolution, DateTime? CreatedAt);

public sealed record PreviewView(DateTime CreatedAt, int MinutesPerBusinessDay, DateTime? ResponseDueAt, DateTime? ResolutionDueAt);

/// <summary>What a recompute changed; <paramref name="AttainmentFrom"/> is the first month (YYYY-MM) whose SLA attainment it rebuilt, null when no clock moved.</summary>
public sealed record RecomputeView(int Items, int Clocks, string? AttainmentFrom);
