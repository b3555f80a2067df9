using Keel.Application.Platform;
using Keel.Domain.Experience;
using Keel.Domain.Value;

namespace Keel.Application.Value;

/// <summary>Puts one service's figures for a period together in the shape of API.md, from the rollup sums and the portfolio.</summary>
internal static class ValueComposer
{
    public static ServiceValueView Compose(
        Portfolio portfolio, ServiceEntry service, Period period, IReadOnlyDictionary<Guid, ServiceFigures> figures,
        IReadOnlyDictionary<(Guid Service, Guid Unit), int> unitTickets, bool finance, IReadOnlyDictionary<Guid, ServiceCost>? costs = null)
    {
        var f = figures.GetValueOrDefault(service.Id) ?? ServiceFigures.None;
        var experience = ExperienceScore.Compute(f.Experience, portfolio.Weights);
        var experienceView = new ExperienceFiguresView(
            experience.Score, service.Target, experience.Satisfaction, f.Responses, f.ResponseRate, experience.ReopenRate,
            experience.FirstContactResolution, experience.WithinSla, experience.Effort);

        CostFiguresView? cost = null;
        List<OutcomeValueView>? outcomes = null;
        ValueFiguresView? value = null;
        List<ConsumptionView>? consumption = null;
        if (finance)
        {
            // A caller composing every service computes the portfolio's costs once and passes them.
            var minor = (costs ?? portfolio.Costs(period, figures))[service.Id];
            var total = Major(minor.TotalMinor);
            var users = portfolio.ConsumingUsers(service.Id);
            cost = new CostFiguresView(total, Major(minor.LabourMinor), Major(minor.FixedMinor), Major(minor.SharedMinor),
                f.Raised > 0 ? Round2(total / f.Raised) : null, users > 0 ? Round2(total / users) : null);
            outcomes = portfolio.Outcomes[service.Id].Select(o => new OutcomeValueView(
                o.Id, o.Name, UnitRef(portfolio, o.BusinessUnitId), Major(o.YearlyMinor), o.Contribution, Major(Portfolio.OutcomeMinor(o, period)))).ToList();
            var enabled = outcomes.Sum(o => o.ValueInPeriod);
            value = new ValueFiguresView(enabled, total > 0 ? Round2(enabled / total) : null);
            consumption = portfolio.Showback(service.Id, minor.TotalMinor, unitTickets).Select(p => new ConsumptionView(UnitRef(portfolio, p.BusinessUnitId), p.Share, Major(p.Minor))).ToList();
        }

        var statement = ValueStatement.Write(new StatementFigures(
            service.Name, portfolio.Currency, period,
            outcomes is null ? null : portfolio.Outcomes[service.Id].Select(o => new StatementOutcome(o.Name, o.Basis, Major(o.YearlyMinor), o.Contribution)).ToList(),
            cost?.Total, experience.Satisfaction, f.Responses, experience.Score, service.Target, experience.WithinSla));
        return new ServiceValueView(
            new Ref(service.Id, service.Name), period.From, period.To, portfolio.Currency, experienceView, cost, outcomes, value, consumption,
            f.SlaAttainment, statement);
    }

    public static decimal Major(long minor) => minor / 100m;

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static Ref UnitRef(Portfolio portfolio, Guid unitId) => new(unitId, portfolio.UnitNames.GetValueOrDefault(unitId) ?? "Unknown unit");
}
