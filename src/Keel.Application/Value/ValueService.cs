using Keel.Application.Platform;
using Keel.Domain.Platform;
using Keel.Domain.Value;

namespace Keel.Application.Value;

/// <summary>
/// "What is the experience of this service, and is it delivering value?" for a period, read from the value rollup and the
/// portfolio (never from a scan of the work). The IT leader, executives and admins read every service, a service owner
/// reads cost and value of their own and experience of the others, IT staff read experience only, requesters nothing.
/// </summary>
public sealed class ValueService(ICurrentUser user, ValueInputs inputs)
{
    /// <summary>The months a service's trend shows by default.</summary>
    public const int TrendMonths = 12;

    public async Task<Result<ServiceValueView>> GetAsync(Guid serviceId, Period period, CancellationToken ct)
    {
        if (!ValueAccess.ReadsExperience(user))
        {
            return Error.Forbidden("Experience and value are for IT staff and leaders.");
        }
        var portfolio = await inputs.PortfolioAsync(ct);
        if (portfolio.Services.FirstOrDefault(s => s.Id == serviceId) is not { } service)
        {
            return Error.NotFound("The service");
        }
        var figures = await inputs.FiguresAsync(period, ct);
        var tickets = await inputs.UnitTicketsAsync(period, serviceId, ct);
        return ValueComposer.Compose(portfolio, service, period, figures, tickets, ValueAccess.AudienceOf(user, service.OwnerId) == ValueAudience.Finance);
    }

    /// <summary>The service's figures month by month over the <see cref="TrendMonths"/> months up to and including <paramref name="lastMonth"/>.</summary>
    public async Task<Result<IReadOnlyList<ServiceMonthView>>> TrendAsync(Guid serviceId, DateOnly lastMonth, CancellationToken ct)
    {
        if (!ValueAccess.ReadsExperience(user))
        {
            return Error.Forbidden("Experience and value are for IT staff and leaders.");
        }
        var portfolio = await inputs.PortfolioAsync(ct);
        if (portfolio.Services.FirstOrDefault(s => s.Id == serviceId) is not { } service)
        {
            return Error.NotFound("The service");
        }
        var finance = ValueAccess.AudienceOf(user, service.OwnerId) == ValueAudience.Finance;
        var last = Period.MonthOf(lastMonth);
        var span = new Period(last.From.AddMonths(1 - TrendMonths), last.To);
        var monthly = await inputs.MonthlyAsync(span, ct);
        return span.Months().Select(m =>
        {
            var all = monthly[m.From];
            var f = all.GetValueOrDefault(serviceId) ?? ServiceFigures.None;
            var experience = Domain.Experience.ExperienceScore.Compute(f.Experience, portfolio.Weights);
            var cost = finance ? portfolio.Costs(m, all)[serviceId].TotalMinor / 100m : (decimal?)null;
            var enabled = finance ? portfolio.EnabledMinor(serviceId, m) / 100m : (decimal?)null;
            return new ServiceMonthView(m.From, experience.Score, experience.Satisfaction, f.SlaAttainment, cost, enabled, f.Raised);
        }).ToList();
    }
}
