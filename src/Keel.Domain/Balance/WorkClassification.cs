using Keel.Domain.Work;

namespace Keel.Domain.Balance;

/// <summary>
/// The investment category and value-chain activity a piece of work gets when nobody chose them by hand (issue 8).
/// The rules are deliberately few, so a leader can predict them: what an initiative is for wins; a problem or change
/// that pays down a technical-debt item is Debt; a task invests in what its request does; everything else keeps the
/// lights on (Run).
/// </summary>
public static class WorkClassification
{
    public static InvestmentCategory DefaultCategory(WorkKind kind, InvestmentCategory? initiative, bool remediatesDebt, InvestmentCategory? parent)
    {
        if (initiative is { } fromInitiative)
        {
            return fromInitiative;
        }
        if (remediatesDebt && kind is WorkKind.Problem or WorkKind.Change)
        {
            return InvestmentCategory.Debt;
        }
        return kind == WorkKind.Task && parent is { } fromParent ? fromParent : InvestmentCategory.Run;
    }

    /// <summary>
    /// Where the work sits in the service value chain now. Work that is still being taken in (a new incident, a request
    /// awaiting approval) is Engage; problems Improve; changes Design &amp; transition; tasks of an initiative build
    /// something new (Obtain/build); the rest is Deliver &amp; support.
    /// </summary>
    public static ValueChainActivity DefaultActivity(WorkKind kind, WorkState state, bool inInitiative) => kind switch
    {
        WorkKind.Incident => state == WorkState.New ? ValueChainActivity.Engage : ValueChainActivity.DeliverAndSupport,
        WorkKind.Request => state is WorkState.Submitted or WorkState.AwaitingApproval or WorkState.Approved or WorkState.Rejected
            ? ValueChainActivity.Engage
            : ValueChainActivity.DeliverAndSupport,
        WorkKind.Task => inInitiative ? ValueChainActivity.ObtainBuild : ValueChainActivity.DeliverAndSupport,
        WorkKind.Problem => ValueChainActivity.Improve,
        _ => ValueChainActivity.DesignAndTransition,
    };
}
