using Keel.Application.Platform;

namespace Keel.Application.Value;

/// <summary>
/// The answer to "what is the experience of this service, and is it delivering value?" for <c>[From, To)</c>, in the
/// shape of API.md. Amounts are in major units of <see cref="Currency"/>. Cost, outcomes, value and consumption are null
/// for callers who see experience but no cost (agents and other IT staff).
/// </summary>
public sealed record ServiceValueView(
    Ref Service, DateOnly From, DateOnly To, string Currency,
    ExperienceFiguresView Experience, CostFiguresView? Cost, IReadOnlyList<OutcomeValueView>? Outcomes, ValueFiguresView? Value,
    IReadOnlyList<ConsumptionView>? Consumption, decimal? SlaAttainment, string Statement);

/// <summary>Rates are fractions 0–1; a figure with nothing to measure in the period is null, never 0.</summary>
public sealed record ExperienceFiguresView(
    decimal? Score, int Target, decimal? Satisfaction, int Responses, decimal? ResponseRate, decimal? ReopenRate,
    decimal? FirstContactResolution, decimal? WithinSla, decimal? Effort);

public sealed record CostFiguresView(decimal Total, decimal Labour, decimal Fixed, decimal Shared, decimal? PerTicket, decimal? PerUser);

public sealed record OutcomeValueView(Guid Id, string Name, Ref BusinessUnit, decimal YearlyValue, decimal Contribution, decimal ValueInPeriod);

public sealed record ValueFiguresView(decimal Enabled, decimal? ValueToCost);

public sealed record ConsumptionView(Ref BusinessUnit, decimal Share, decimal Showback);

/// <summary>One month of a service's trend (the Experience &amp; value tab's charts); cost and value are null without the finance view.</summary>
public sealed record ServiceMonthView(DateOnly Month, decimal? Score, decimal? Satisfaction, decimal? SlaAttainment, decimal? Cost, decimal? Enabled, int Raised);

/// <summary>The IT leader's home: every service ranked by value, experience and cost over <c>[From, To)</c>, with monthly trends.</summary>
public sealed record CockpitView(
    DateOnly From, DateOnly To, string Currency, CockpitTotals Totals, IReadOnlyList<CockpitServiceRow> Services,
    IReadOnlyList<CockpitMonth> Months, IReadOnlyList<OpenMajorIncidentRow> MajorIncidents, IReadOnlyList<UnitSpendRow> SpendByUnit);

public sealed record CockpitTotals(decimal Cost, decimal Enabled, decimal? ValueToCost, decimal? Score, decimal? SlaAttainment, int Responses);

public sealed record CockpitServiceRow(
    Ref Service, int Criticality, decimal? Score, int Target, decimal? Satisfaction, decimal? SlaAttainment,
    decimal Cost, decimal Enabled, decimal? ValueToCost, int Raised);

public sealed record CockpitMonth(DateOnly Month, decimal? SlaAttainment, decimal? Score, decimal Cost, decimal Enabled);

public sealed record OpenMajorIncidentRow(string Number, string Title, Ref Service, DateTime Since, int Priority);

public sealed record UnitSpendRow(Ref BusinessUnit, decimal Showback);
