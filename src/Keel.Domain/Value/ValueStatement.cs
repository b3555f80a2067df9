using System.Globalization;
using Keel.Domain.Services;

namespace Keel.Domain.Value;

/// <summary>The figures a value statement is written from; amounts in major units, rates 0–1, null when not measured.</summary>
public sealed record StatementFigures(
    string ServiceName, string Currency, Period Period,
    IReadOnlyList<StatementOutcome>? Outcomes, decimal? Cost,
    decimal? Satisfaction, int Responses, decimal? Score, int Target, decimal? WithinSla);

public sealed record StatementOutcome(string Name, OutcomeBasis Basis, decimal YearlyValue, decimal Contribution);

/// <summary>
/// The plain-language answer to "is this service delivering value?", written from the figures by one template so that
/// every sentence can be checked against the numbers beside it: what it enables (its largest outcome), what it cost in the
/// period, how it is experienced against its target, and how much was resolved within the SLA. A part with no figure
/// says so rather than being left out, so a reader never mistakes "not measured" for "fine". Without cost data (the
/// caller may not see it) the sentence starts at the experience.
/// </summary>
public static class ValueStatement
{
    public static string Write(StatementFigures f)
    {
        var parts = new List<string>();
        if (f.Outcomes is { } outcomes)
        {
            parts.Add(Enables(f.ServiceName, f.Currency, outcomes));
            if (f.Cost is { } cost)
            {
                parts.Add($"it cost {MoneyText.Short(cost, f.Currency)} {PeriodPhrase(f.Period)}");
            }
        }
        parts.Add(f.Satisfaction is { } s
            ? Invariant($"satisfaction {s:0.0} of 5 from {f.Responses:N0} {(f.Responses == 1 ? "response" : "responses")}")
            : "no survey responses yet");
        parts.Add(f.Score is { } score
            ? Invariant($"experience {score:0} against a target of {f.Target}")
            : Invariant($"no experience score yet (target {f.Target})"));
        parts.Add(f.WithinSla is { } w
            ? Invariant($"{w * 100m:0.0} % of tickets resolved within SLA")
            : "no SLA resolution decided in the period");
        var sentence = string.Join("; ", parts);
        return (f.Outcomes is null ? $"{f.ServiceName}: " : "") + sentence + ".";
    }

    private static string Enables(string service, string currency, IReadOnlyList<StatementOutcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return $"{service} has no business outcome recorded yet";
        }
        var top = outcomes.OrderByDescending(o => o.YearlyValue * o.Contribution).First();
        var text = Invariant($"{service} enables {MoneyText.Short(top.YearlyValue, currency)} {BasisPhrase(top.Basis)} a year ({top.Contribution * 100m:0.#} % attributed)");
        if (outcomes.Count > 1)
        {
            var others = outcomes.Where(o => !ReferenceEquals(o, top)).Sum(o => o.YearlyValue * o.Contribution);
            text += Invariant($" and {MoneyText.Short(others, currency)} a year through {outcomes.Count - 1} more {(outcomes.Count == 2 ? "outcome" : "outcomes")}");
        }
        return text;
    }

    private static string BasisPhrase(OutcomeBasis basis) => basis switch
    {
        OutcomeBasis.RevenueEnabled => "of revenue",
        OutcomeBasis.CostAvoided => "of avoided cost",
        OutcomeBasis.RiskReduced => "of reduced risk",
        _ => "of regulatory obligations met",
    };

    private static string PeriodPhrase(Period period) =>
        period.IsOneMonth ? $"in {period.From.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}" : $"from {period.Label()}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
