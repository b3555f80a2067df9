using System.Globalization;
using Keel.Application.Platform;
using Keel.Application.ServiceLevels;
using Keel.Domain.Platform;
using Keel.Domain.ServiceLevels;
using Keel.Domain.Work;

namespace Keel.Web.Components.Pages.ServiceLevels;

/// <summary>What the policy editor holds while the admin chooses; a new one starts from the domain's defaults.</summary>
public sealed class PolicyForm
{
    public string Name { get; set; } = "";
    public Agreement Agreement { get; set; }
    public bool IsActive { get; set; } = true;
    public IReadOnlyCollection<WorkKind> Kinds { get; set; } = [];
    public Ref? Service { get; set; }
    public IReadOnlyCollection<int> Priorities { get; set; } = [];
    public Guid? BusinessUnitId { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? CalendarId { get; set; }
    public int? ResponseAmount { get; set; }
    public TargetUnit ResponseUnit { get; set; } = TargetUnit.Hours;
    public int? ResolutionAmount { get; set; }
    public TargetUnit ResolutionUnit { get; set; } = TargetUnit.Hours;

    /// <summary>"50, 75": the percentages of the target at which the clock warns.</summary>
    public string Warnings { get; set; } = "";

    public IReadOnlyCollection<HoldReason> PauseReasons { get; set; } = [];
    public IReadOnlyCollection<WorkState> PauseStates { get; set; } = [];
    public IReadOnlyCollection<WorkState> StopStates { get; set; } = [];
    public Escalation Escalation { get; set; }
    public Guid? EscalationTeamId { get; set; }

    public static PolicyForm New(Agreement agreement, Guid? calendarId)
    {
        var defaults = new ServiceLevelPolicy();
        return new PolicyForm
        {
            Agreement = agreement,
            CalendarId = calendarId,
            Kinds = agreement == Agreement.Ola ? [WorkKind.Task] : [],
            Warnings = Join(defaults.WarningPercents),
            PauseReasons = [.. defaults.PauseReasons],
            PauseStates = [.. defaults.PauseStates],
            StopStates = [.. defaults.StopStates],
            Escalation = defaults.Escalation,
        };
    }

    public static PolicyForm From(PolicyView p) => new()
    {
        Name = p.Name, Agreement = p.Agreement, IsActive = p.IsActive, Kinds = [.. p.Kinds], Service = p.Service, Priorities = [.. p.Priorities],
        BusinessUnitId = p.BusinessUnit?.Id, TeamId = p.Team?.Id, CalendarId = p.Calendar.Id,
        ResponseAmount = p.Response?.Amount, ResponseUnit = p.Response?.Unit ?? TargetUnit.Hours,
        ResolutionAmount = p.Resolution?.Amount, ResolutionUnit = p.Resolution?.Unit ?? TargetUnit.Hours,
        Warnings = Join(p.WarningPercents), PauseReasons = [.. p.PauseReasons], PauseStates = [.. p.PauseStates], StopStates = [.. p.StopStates],
        Escalation = p.Escalation, EscalationTeamId = p.EscalationTeam?.Id,
    };

    public bool IsOla => Agreement == Agreement.Ola;

    /// <summary>An OLA has no response clock; an empty amount means no target of that kind.</summary>
    public TargetDraft? Response => IsOla || ResponseAmount is null ? null : new TargetDraft(ResponseAmount, ResponseUnit);

    public TargetDraft? Resolution => ResolutionAmount is null ? null : new TargetDraft(ResolutionAmount, ResolutionUnit);

    /// <summary>The whole policy as a draft (also as the patch of an edit: every field, so the saved policy is what the form shows).</summary>
    public Result<PolicyDraft> Draft()
    {
        var errors = new FieldErrors();
        var warnings = new List<int>();
        foreach (var part in Warnings.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part.TrimEnd('%').Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
            {
                warnings.Add(percent);
            }
            else
            {
                errors.Add("warningPercents", $"'{part}' is not a whole percentage: write them like 50, 75.");
            }
        }
        if (errors.Any)
        {
            return errors.ToError();
        }
        return new PolicyDraft(
            Name, new Optional<Agreement?>(true, Agreement), default, new Optional<bool?>(true, IsActive),
            new Optional<IReadOnlyList<WorkKind>?>(true, IsOla ? [WorkKind.Task] : [.. Kinds.Order()]),
            new Optional<Guid?>(true, Service?.Id), new Optional<IReadOnlyList<int>?>(true, [.. Priorities.Order()]),
            new Optional<Guid?>(true, BusinessUnitId), new Optional<Guid?>(true, IsOla ? TeamId : null), new Optional<Guid?>(true, CalendarId),
            new Optional<TargetDraft?>(true, Response), new Optional<TargetDraft?>(true, Resolution), new Optional<IReadOnlyList<int>?>(true, warnings),
            new Optional<IReadOnlyList<HoldReason>?>(true, [.. PauseReasons]), new Optional<IReadOnlyList<WorkState>?>(true, [.. PauseStates]),
            new Optional<IReadOnlyList<WorkState>?>(true, [.. StopStates]), new Optional<Escalation?>(true, Escalation),
            new Optional<Guid?>(true, Escalation == Escalation.ReassignToTeam ? EscalationTeamId : null));
    }

    private static string Join(IEnumerable<int> percents) => string.Join(", ", percents.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
