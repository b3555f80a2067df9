using Keel.Domain.Platform;

namespace Keel.Domain.Balance;

/// <summary>Where a technical-debt item stands on its way to being paid off.</summary>
public enum DebtStatus
{
    Open,
    Scheduled,
    InRemediation,
    PaidOff,

    /// <summary>The risk is accepted: nobody intends to pay it off for now; it still accrues interest.</summary>
    Accepted,
}

/// <summary>How much harm a debt item may do if it is left as it is.</summary>
public enum DebtRisk
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>The allowed moves of a debt item.</summary>
public static class DebtLifecycle
{
    /// <summary>
    /// Open → Scheduled → InRemediation → PaidOff; a schedule can be dropped (Scheduled → Open); the risk can be accepted
    /// from any open state, and an accepted item can be reopened when it starts to hurt. Paid off is final.
    /// </summary>
    public static IReadOnlyList<DebtStatus> AllowedFrom(DebtStatus from) => from switch
    {
        DebtStatus.Open => [DebtStatus.Scheduled, DebtStatus.Accepted],
        DebtStatus.Scheduled => [DebtStatus.InRemediation, DebtStatus.Open, DebtStatus.Accepted],
        DebtStatus.InRemediation => [DebtStatus.PaidOff, DebtStatus.Accepted],
        DebtStatus.Accepted => [DebtStatus.Open],
        DebtStatus.PaidOff => [],
    };

    /// <summary>Items still owed: they count in the register's ranking by default.</summary>
    public static bool IsOpen(DebtStatus status) => status is DebtStatus.Open or DebtStatus.Scheduled or DebtStatus.InRemediation;

    public static Error? Check(DebtStatus from, DebtStatus to) =>
        AllowedFrom(from).Contains(to)
            ? null
            : Error.IllegalTransition(from.ToString(), to.ToString(), AllowedFrom(from).Select(s => s.ToString()).ToArray());
}
