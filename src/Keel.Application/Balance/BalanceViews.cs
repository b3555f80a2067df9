using Keel.Application.Platform;
using Keel.Domain.Balance;
using Keel.Domain.Work;

namespace Keel.Application.Balance;

/// <summary>What the balance counts: hours of logged time (capacity), or the items worked on (a second view).</summary>
public enum BalanceBasis
{
    Hours,
    Count,
}

/// <summary>A capacity target: shares and tolerance in percentage points, from <see cref="Period"/> (YYYY-MM) until the next plan.</summary>
public sealed record CapacityTargetView(
    string Period, Ref? Team, decimal Run, decimal Debt, decimal Grow, decimal Transform, decimal Tolerance, DateTime UpdatedAt, long Version);

/// <summary>The body of <c>PUT /balance/targets/{period}</c>: shares in percentage points (whole or one decimal) adding up to 100.</summary>
public sealed record CapacityTargetDraft(decimal? Run, decimal? Debt, decimal? Grow, decimal? Transform, decimal? Tolerance);

/// <summary>The balance over months: per month and category target against actual, and the drift alerts.</summary>
public sealed record BalanceView(string From, string To, Ref? Team, BalanceBasis Basis, IReadOnlyList<BalancePeriodView> Periods, IReadOnlyList<DriftAlertView> Alerts);

/// <summary>
/// One month: <see cref="Total"/> hours (or items), the tolerance and the month of the plan in force
/// (<see cref="TargetTeam"/> null when the department's plan applies), and whether the month is over.
/// </summary>
public sealed record BalancePeriodView(
    string Period, bool Complete, double Total, decimal? Tolerance, string? TargetFrom, Ref? TargetTeam, IReadOnlyList<BalanceCategoryView> Categories);

/// <summary>One category in one month: hours (or items), actual and target share in percent, the difference in points, and its drift.</summary>
public sealed record BalanceCategoryView(
    InvestmentCategory Category, double Amount, decimal? ActualPercent, decimal? TargetPercent, decimal? DifferencePoints, DriftDirection? Drift);

public sealed record DriftAlertView(InvestmentCategory Category, DriftDirection Direction, string Since, string Through, int Periods);

/// <summary>A work item behind a cell of the balance, with the hours logged on it in that month (by the team, when one is chosen).</summary>
public sealed record BalanceWorkView(Guid Id, string Number, string Title, WorkKind Kind, WorkState State, InvestmentCategory Category, double Hours);
