using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Services;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Value;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Value;

/// <summary>A service as the value figures need it.</summary>
internal sealed record ServiceEntry(Guid Id, string Name, Guid OwnerId, ServiceLifecycle Lifecycle, int Criticality, int Target);

internal sealed record OutcomeEntry(Guid Id, Guid ServiceId, string Name, Guid BusinessUnitId, OutcomeBasis Basis, long YearlyMinor, decimal Contribution);

/// <summary>
/// Everything about the portfolio the value figures are computed from, besides the rollup: small tables (services, cost
/// items, pools, outcomes, consumers, people per business unit), read whole in a handful of queries.
/// </summary>
internal sealed record Portfolio(
    IReadOnlyList<ServiceEntry> Services, IReadOnlyList<CostPool> Pools, ILookup<Guid, long> CostItems, ILookup<Guid, OutcomeEntry> Outcomes,
    ILookup<Guid, ServiceConsumer> Consumers, IReadOnlyDictionary<Guid, int> PeoplePerUnit, IReadOnlyDictionary<Guid, string> UnitNames,
    string Currency, ExperienceWeights Weights)
{
    /// <summary>The people of the business units that consume the service: its consuming users.</summary>
    public int ConsumingUsers(Guid serviceId) => Consumers[serviceId].Sum(c => PeoplePerUnit.GetValueOrDefault(c.BusinessUnitId));

    /// <summary>The cost of every service over a period whose rollup sums are <paramref name="figures"/>.</summary>
    public IReadOnlyDictionary<Guid, ServiceCost> Costs(Period period, IReadOnlyDictionary<Guid, ServiceFigures> figures) =>
        CostCalculator.Compute(period, Services.Select(s =>
        {
            var f = figures.GetValueOrDefault(s.Id) ?? ServiceFigures.None;
            return new ServiceCostInputs(s.Id, s.Lifecycle == ServiceLifecycle.Live, f.LabourMinor, f.Raised, ConsumingUsers(s.Id), [.. CostItems[s.Id]]);
        }).ToList(), Pools);

    /// <summary>The value each outcome of the service enables in the period, in minor units.</summary>
    public long EnabledMinor(Guid serviceId, Period period) => Outcomes[serviceId].Sum(o => OutcomeMinor(o, period));

    /// <summary>Each consuming unit's part of <paramref name="costMinor"/>, units by name, measured by the tickets their people raised.</summary>
    public IReadOnlyList<ShowbackPart> Showback(Guid serviceId, long costMinor, IReadOnlyDictionary<(Guid Service, Guid Unit), int> tickets) =>
        ShowbackCalculator.Split(costMinor, Consumers[serviceId]
            .OrderBy(c => UnitNames.GetValueOrDefault(c.BusinessUnitId), StringComparer.Ordinal)
            .Select(c => new ConsumerInput(c.BusinessUnitId, c.Basis, c.Share, tickets.GetValueOrDefault((serviceId, c.BusinessUnitId)), PeoplePerUnit.GetValueOrDefault(c.BusinessUnitId)))
            .ToList());

    public static long OutcomeMinor(OutcomeEntry outcome, Period period) =>
        Proration.ToMinor(Proration.OfYearly(outcome.YearlyMinor, period) * outcome.Contribution);
}

/// <summary>Reads the rollup and the portfolio for the value use cases; sums are taken in the database.</summary>
public sealed class ValueInputs(KeelDb db, OrganizationCurrency currency)
{
    internal async Task<Portfolio> PortfolioAsync(CancellationToken ct)
    {
        var services = await db.Set<Service>().AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new ServiceEntry(s.Id, s.Name, s.OwnerId, s.Lifecycle, s.Criticality, s.ExperienceTarget)).ToListAsync(ct);
        var pools = await db.Set<CostPool>().AsNoTracking().ToListAsync(ct);
        var costs = await db.Set<CostItem>().AsNoTracking().Select(c => new { c.ServiceId, c.Monthly.Minor }).ToListAsync(ct);
        var outcomes = await db.Set<BusinessOutcome>().AsNoTracking()
            .Select(o => new OutcomeEntry(o.Id, o.ServiceId, o.Name, o.BusinessUnitId, o.Basis, o.YearlyValue.Minor, o.Contribution)).ToListAsync(ct);
        var consumers = await db.Set<ServiceConsumer>().AsNoTracking().ToListAsync(ct);
        var people = await db.Users.AsNoTracking().Where(u => u.IsActive && u.BusinessUnitId != null)
            .GroupBy(u => u.BusinessUnitId!.Value).Select(g => new { Unit = g.Key, People = g.Count() }).ToListAsync(ct);
        var units = await db.Set<BusinessUnit>().AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var weights = await db.Set<ExperienceWeights>().AsNoTracking().FirstOrDefaultAsync(ct) ?? new ExperienceWeights();
        return new Portfolio(
            services, pools, costs.ToLookup(c => c.ServiceId, c => c.Minor), outcomes.OrderBy(o => o.Name, StringComparer.Ordinal).ToLookup(o => o.ServiceId),
            consumers.ToLookup(c => c.ServiceId), people.ToDictionary(p => p.Unit, p => p.People), units.ToDictionary(u => u.Id, u => u.Name),
            currency.Code, weights);
    }

    /// <summary>Each service's rollup sums over the period.</summary>
    internal async Task<Dictionary<Guid, ServiceFigures>> FiguresAsync(Period period, CancellationToken ct) =>
        (await Days(period).GroupBy(d => d.ServiceId).Select(g => new
            {
                g.Key,
                Figures = new ServiceFigures(
                    g.Sum(x => x.Raised), g.Sum(x => x.Resolved), g.Sum(x => x.Reopened), g.Sum(x => x.FirstContact), g.Sum(x => x.Interactions),
                    g.Sum(x => x.ResolutionMet), g.Sum(x => x.ResolutionBreached), g.Sum(x => x.SlaMet), g.Sum(x => x.SlaBreached),
                    g.Sum(x => x.SurveysSent), g.Sum(x => x.Responses), g.Sum(x => x.RatingSum), g.Sum(x => x.LabourMinutes), g.Sum(x => x.LabourMinor)),
            })
            .ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Figures);

    /// <summary>Each service's rollup sums per calendar month of the period (months clipped to it).</summary>
    internal async Task<Dictionary<DateOnly, Dictionary<Guid, ServiceFigures>>> MonthlyAsync(Period period, CancellationToken ct)
    {
        var rows = await Days(period).GroupBy(d => new { d.ServiceId, d.Day.Year, d.Day.Month }).Select(g => new
            {
                g.Key.ServiceId, g.Key.Year, g.Key.Month,
                Figures = new ServiceFigures(
                    g.Sum(x => x.Raised), g.Sum(x => x.Resolved), g.Sum(x => x.Reopened), g.Sum(x => x.FirstContact), g.Sum(x => x.Interactions),
                    g.Sum(x => x.ResolutionMet), g.Sum(x => x.ResolutionBreached), g.Sum(x => x.SlaMet), g.Sum(x => x.SlaBreached),
                    g.Sum(x => x.SurveysSent), g.Sum(x => x.Responses), g.Sum(x => x.RatingSum), g.Sum(x => x.LabourMinutes), g.Sum(x => x.LabourMinor)),
            })
            .ToListAsync(ct);
        return period.Months().ToDictionary(
            m => m.From,
            m => rows.Where(r => r.Year == m.From.Year && r.Month == m.From.Month).ToDictionary(r => r.ServiceId, r => r.Figures));
    }

    /// <summary>Tickets raised per service and business unit in the period (the measure of showback by tickets).</summary>
    internal async Task<Dictionary<(Guid Service, Guid Unit), int>> UnitTicketsAsync(Period period, Guid? serviceId, CancellationToken ct)
    {
        var rows = db.Set<ServiceUnitDay>().AsNoTracking().Where(d => d.Day >= period.From && d.Day < period.To);
        if (serviceId is { } id)
        {
            rows = rows.Where(d => d.ServiceId == id);
        }
        return (await rows.GroupBy(d => new { d.ServiceId, d.BusinessUnitId }).Select(g => new { g.Key.ServiceId, g.Key.BusinessUnitId, Raised = g.Sum(x => x.Raised) })
                .ToListAsync(ct))
            .ToDictionary(r => (r.ServiceId, r.BusinessUnitId), r => r.Raised);
    }

    private IQueryable<ServiceDay> Days(Period period) =>
        db.Set<ServiceDay>().AsNoTracking().Where(d => d.Day >= period.From && d.Day < period.To);
}
