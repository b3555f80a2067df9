using Keel.Application.Balance;
using Keel.Domain.Balance;
using Keel.Domain.Platform;

namespace Keel.Web.Api.Balance;

/// <summary>The query of <c>GET /api/v1/balance</c>: months as YYYY-MM (both included), a team, and hours or item counts.</summary>
public sealed record BalanceQuery
{
    public string? From { get; init; }
    public string? To { get; init; }
    public Guid? TeamId { get; init; }
    public string? Basis { get; init; }

    public Result<(DateOnly? From, DateOnly? To, BalanceBasis Basis)> Parse()
    {
        var errors = new FieldErrors();
        var from = MonthOf(errors, "from", From);
        var to = MonthOf(errors, "to", To);
        var basis = BalanceBasis.Hours;
        if (!string.IsNullOrWhiteSpace(Basis) && (!Enum.TryParse(Basis, true, out basis) || !Enum.IsDefined(basis)))
        {
            errors.Add("basis", "must be hours or count.");
        }
        return errors.Any ? errors.ToError() : (from, to, basis);
    }

    /// <summary>A month as YYYY-MM, or null when absent; a field error when it is not one.</summary>
    public static DateOnly? MonthOf(FieldErrors errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var month = Months.Parse(text.Trim());
        if (month is null)
        {
            errors.Add(field, "must be a month as YYYY-MM.");
        }
        return month;
    }
}

/// <summary>The query of <c>GET /api/v1/balance/work</c>: the cell of the balance to drill into, and the list parameters.</summary>
public sealed record BalanceWorkQuery
{
    public string? Period { get; init; }
    public string? Category { get; init; }
    public Guid? TeamId { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
    public string? Sort { get; init; }

    public Result<(DateOnly Period, InvestmentCategory Category)> Parse()
    {
        var errors = new FieldErrors();
        var period = BalanceQuery.MonthOf(errors, "period", Period);
        if (period is null && !errors.Any)
        {
            errors.Add("period", "is required (YYYY-MM).");
        }
        if (!Enum.TryParse<InvestmentCategory>(Category, true, out var category) || !Enum.IsDefined(category))
        {
            errors.Add("category", "must be Run, Debt, Grow or Transform.");
        }
        return errors.Any ? errors.ToError() : (period!.Value, category);
    }
}
