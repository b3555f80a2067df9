using Keel.Application.Data;
using Keel.Application.Platform;
using Keel.Application.Work;
using Keel.Domain.Experience;
using Keel.Domain.Platform;
using Keel.Domain.Services;
using Keel.Domain.Value;
using Keel.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Keel.Application.Value;

/// <summary>
/// The IT leader's home: every service ranked by value, experience and cost, the department's trends month by month,
/// the open major incidents and what each business unit is shown of the spend. Read from the value rollup and the
/// portfolio in a few grouped queries, whatever the number of work items. The IT leader, executives and admins only.
/// </summary>
public sealed class CockpitService(KeelDb db, ICurrentUser user, ValueInputs inputs, TimeProvider time)
{
    public const int DefaultMonths = 12;

    /// <summary>The last <see cref="DefaultMonths"/> months: from the first day of the month eleven months ago up to and including today.</summary>
    public Period DefaultPeriod() => LastMonths(DefaultMonths);

    /// <summary>This month so far and the <paramref name="months"/> − 1 whole months before it.</summary>
    public Period LastMonths(int months)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        return new Period(new DateOnly(today.Year, today.Month, 1).AddMonths(1 - Math.Max(1, months)), today.AddDays(1));
    }

    public async Task<Result<CockpitView>> GetAsync(Period period, CancellationToken ct)
    {
        if (!ValueAccess.ReadsAllFinance(user))
        {
            return Error.Forbidden("The cockpit is for the IT leader, executives and admins.");
        }
        var portfolio = await inputs.PortfolioAsync(ct);
        var figures = await inputs.FiguresAsync(period, ct);
        var monthly = await inputs.MonthlyAsync(period, ct);
        var tickets = await inputs.UnitTicketsAsync(period, null, ct);
        var costs = portfolio.Costs(period, figures);

        var shown = portfolio.Services.Where(s => s.Lifecycle != ServiceLifecycle.Pipeline || figures.ContainsKey(s.Id)).ToList();
        var rows = shown.Select(s => Row(portfolio, s, period, figures.GetValueOrDefault(s.Id) ?? ServiceFigures.None, costs[s.Id]))
            .OrderByDescending(r => r.Enabled).ThenBy(r => r.Service.Name, StringComparer.Ordinal).ToList();
        var months = period.Months().Select(m => Month(portfolio, m, monthly[m.From])).ToList();

        var all = figures.Values.Aggregate(ServiceFigures.None, (a, b) => a + b);
        var cost = rows.Sum(r => r.Cost);
        var enabled = rows.Sum(r => r.Enabled);
        var totals = new CockpitTotals(cost, enabled, cost > 0 ? Math.Round(enabled / cost, 2, MidpointRounding.AwayFromZero) : null,
            ExperienceScore.Compute(all.Experience, portfolio.Weights).Score, all.SlaAttainment, all.Responses);
        return new CockpitView(period.From, period.To, portfolio.Currency, totals, rows, months, await OpenMajorIncidentsAsync(ct),
            SpendByUnit(portfolio, shown, costs, tickets));
    }

    private static CockpitServiceRow Row(Portfolio portfolio, ServiceEntry service, Period period, ServiceFigures f, ServiceCost cost)
    {
        var experience = ExperienceScore.Compute(f.Experience, portfolio.Weights);
        var total = ValueComposer.Major(cost.TotalMinor);
        var enabled = ValueComposer.Major(portfolio.EnabledMinor(service.Id, period));
        return new CockpitServiceRow(new Ref(service.Id, service.Name), service.Criticality, experience.Score, service.Target,
            experience.Satisfaction, f.SlaAttainment, total, enabled, total > 0 ? Math.Round(enabled / total, 2, MidpointRounding.AwayFromZero) : null, f.Raised);
    }

    /// <summary>The department in one month: attainment and experience over all services' counts, cost and value summed.</summary>
    private static CockpitMonth Month(Portfolio portfolio, Period month, IReadOnlyDictionary<Guid, ServiceFigures> figures)
    {
        var all = figures.Values.Aggregate(ServiceFigures.None, (a, b) => a + b);
        var cost = portfolio.Costs(month, figures).Values.Sum(c => c.TotalMinor);
        var enabled = portfolio.Services.Sum(s => portfolio.EnabledMinor(s.Id, month));
        return new CockpitMonth(month.From, all.SlaAttainment, ExperienceScore.Compute(all.Experience, portfolio.Weights).Score,
            ValueComposer.Major(cost), ValueComposer.Major(enabled));
    }

    private static List<UnitSpendRow> SpendByUnit(
        Portfolio portfolio, IReadOnlyList<ServiceEntry> services, IReadOnlyDictionary<Guid, ServiceCost> costs, IReadOnlyDictionary<(Guid, Guid), int> tickets)
    {
        var spend = new Dictionary<Guid, long>();
        foreach (var service in services)
        {
            foreach (var part in portfolio.Showback(service.Id, costs[service.Id].TotalMinor, tickets))
            {
                spend[part.BusinessUnitId] = spend.GetValueOrDefault(part.BusinessUnitId) + part.Minor;
            }
        }
        return spend.Select(s => new UnitSpendRow(new Ref(s.Key, portfolio.UnitNames.GetValueOrDefault(s.Key) ?? "Unknown unit"), ValueComposer.Major(s.Value)))
            .OrderByDescending(s => s.Showback).ThenBy(s => s.BusinessUnit.Name, StringComparer.Ordinal).ToList();
    }

    private Task<List<OpenMajorIncidentRow>> OpenMajorIncidentsAsync(CancellationToken ct) =>
        (from w in ServiceWorkCounter.Open(db.Set<WorkItem>().AsNoTracking())
         where w.IsMajor && w.Kind == WorkKind.Incident
         join s in db.Set<Service>() on w.ServiceId equals s.Id
         orderby w.CreatedAt descending
         select new OpenMajorIncidentRow(w.Number, w.Title, new Ref(s.Id, s.Name), w.CreatedAt, w.Priority))
        .Take(20).ToListAsync(ct);
}
