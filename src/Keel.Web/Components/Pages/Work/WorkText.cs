using System.Globalization;
using Keel.Domain.Work;
using MudBlazor;

namespace Keel.Web.Components.Pages.Work;

/// <summary>How the work and portal pages word and colour states, priorities and the fields of a move.</summary>
public static class WorkText
{
    /// <summary>The kinds the agent workspace works, with the path segment of their pages.</summary>
    public static readonly IReadOnlyList<WorkKind> WorkedKinds = [WorkKind.Incident, WorkKind.Request, WorkKind.Task];

    public static string Segment(WorkKind kind) => WorkNumber.ResourceOf(kind);

    /// <summary>The kind a record page's segment names: the worked kinds and changes (problems have their own record page).</summary>
    public static WorkKind? KindOf(string? segment) =>
        WorkedKinds.Append(WorkKind.Change).Cast<WorkKind?>().FirstOrDefault(k => string.Equals(Segment(k!.Value), segment, StringComparison.OrdinalIgnoreCase));

    public static string Plural(WorkKind kind) => kind switch
    {
        WorkKind.Incident => "Incidents",
        WorkKind.Request => "Requests",
        WorkKind.Task => "Tasks",
        WorkKind.Problem => "Problems",
        WorkKind.Change => "Changes",
    };

    public static string RecordHref(WorkKind kind, string number) => Keel.Application.Work.RecordPaths.Of(kind, number);

    /// <summary>"On hold", "Awaiting approval": the state as words.</summary>
    public static string State(WorkState state) => Words(state.ToString());

    public static Color StateColor(WorkState state) => state switch
    {
        WorkState.New or WorkState.Submitted or WorkState.Open or WorkState.Pending => Color.Info,
        WorkState.InProgress or WorkState.InFulfilment or WorkState.Approved => Color.Primary,
        WorkState.OnHold or WorkState.AwaitingApproval => Color.Warning,
        WorkState.Resolved or WorkState.Fulfilled or WorkState.Done => Color.Success,
        WorkState.Rejected => Color.Error,
        _ => Color.Default,
    };

    public static string Priority(int priority) => priority switch
    {
        1 => "P1 · Critical",
        2 => "P2 · High",
        3 => "P3 · Moderate",
        4 => "P4 · Low",
        _ => priority.ToString(CultureInfo.InvariantCulture),
    };

    public static Color PriorityColor(int priority) => priority switch
    {
        1 => Color.Error,
        2 => Color.Warning,
        3 => Color.Info,
        _ => Color.Default,
    };

    /// <summary>Impact and urgency levels as the agent sees them (1 high … 3 low).</summary>
    public static string Level(int level) => level switch
    {
        1 => "1 · High",
        2 => "2 · Medium",
        3 => "3 · Low",
        _ => level.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Urgency as a requester says it, in plain words.</summary>
    public static string UrgencyForRequester(int urgency) => urgency switch
    {
        1 => "I can't work at all",
        2 => "I can work, but it slows me down",
        _ => "It's an inconvenience; it can wait",
    };

    public static string Hold(HoldReason reason) => reason switch
    {
        HoldReason.AwaitingCaller => "Awaiting the caller",
        HoldReason.AwaitingVendor => "Awaiting a vendor",
        HoldReason.AwaitingChange => "Awaiting a change",
        HoldReason.AwaitingProblem => "Awaiting a problem fix",
        _ => reason.ToString(),
    };

    public static string Resolution(ResolutionCode code) => Words(code.ToString());

    /// <summary>The label of the button that moves an item from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string MoveLabel(WorkState from, WorkState to) => (from, to) switch
    {
        (WorkState.Resolved, WorkState.InProgress) => "Reopen",
        (WorkState.OnHold, WorkState.InProgress) => "Resume",
        (WorkState.InProgress, WorkState.Open) => "Back to open",
        (_, WorkState.InProgress) => "Start work",
        (_, WorkState.OnHold) => "Put on hold",
        (_, WorkState.Resolved) => "Resolve",
        (_, WorkState.Closed) => "Close",
        (_, WorkState.Cancelled) => "Cancel",
        (_, WorkState.Rejected) => "Reject",
        (_, WorkState.Fulfilled) => "Mark fulfilled",
        (_, WorkState.Done) => "Complete",
        _ => State(to),
    };

    /// <summary>Moves that need something from the person before they are made (a reason, a code, a note).</summary>
    public static bool NeedsDialog(WorkState from, WorkState to) =>
        to is WorkState.OnHold or WorkState.Resolved or WorkState.Cancelled or WorkState.Rejected || (from, to) == (WorkState.Resolved, WorkState.InProgress);

    /// <summary>"Resolved by caller" from "ResolvedByCaller".</summary>
    public static string Words(string pascal) => Keel.Web.Components.Shared.Words.FromPascal(pascal);
}
