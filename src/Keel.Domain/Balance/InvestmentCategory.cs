namespace Keel.Domain.Balance;

/// <summary>What a piece of work invests in: keeping the lights on, paying down debt, growing or transforming the business.</summary>
public enum InvestmentCategory
{
    Run,
    Debt,
    Grow,
    Transform,
}
